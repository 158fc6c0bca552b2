import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./relative-time";

const now = new Date("2026-03-20T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("formatRelativeTime", () => {
  it("says just now for the last few seconds, and for a clock slightly ahead", () => {
    expect(formatRelativeTime(ago(5_000), now)).toBe("just now");
    expect(formatRelativeTime(ago(-3_000), now)).toBe("just now");
  });

  it("counts minutes, then hours", () => {
    expect(formatRelativeTime(ago(50_000), now)).toBe("1 min ago");
    expect(formatRelativeTime(ago(3 * 60_000), now)).toBe("3 min ago");
    expect(formatRelativeTime(ago(59 * 60_000), now)).toBe("59 min ago");
    expect(formatRelativeTime(ago(2 * 3_600_000), now)).toBe("2 h ago");
  });

  it("says yesterday, then days, then a date", () => {
    expect(formatRelativeTime(ago(30 * 3_600_000), now)).toBe("yesterday");
    expect(formatRelativeTime(ago(5 * 86_400_000), now)).toBe("5 days ago");
    expect(formatRelativeTime(new Date("2026-01-02T10:00:00Z"), now)).toBe("2 Jan");
    expect(formatRelativeTime(new Date("2025-01-02T10:00:00Z"), now)).toBe("2 Jan 2025");
  });

  it("accepts ISO strings (tRPC sends dates as strings without a transformer)", () => {
    expect(formatRelativeTime(ago(3 * 60_000).toISOString(), now)).toBe("3 min ago");
    expect(formatRelativeTime("not a date", now)).toBe("");
  });
});
