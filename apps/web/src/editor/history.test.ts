import { describe, expect, it } from "vitest";
import { COALESCE_MS, emptyHistory, record, redo, undo } from "./history";

describe("history", () => {
  it("undoes and redoes in order", () => {
    let h = record(emptyHistory<string>(), "a", undefined, 0);
    h = record(h, "b", undefined, 10);
    const u1 = undo(h, "c")!;
    expect(u1.state).toBe("b");
    const u2 = undo(u1.history, u1.state)!;
    expect(u2.state).toBe("a");
    expect(undo(u2.history, u2.state)).toBeUndefined();
    const r = redo(u2.history, u2.state)!;
    expect(r.state).toBe("b");
    expect(redo(r.history, r.state)?.state).toBe("c");
  });

  it("coalesces rapid changes with the same key into one step", () => {
    let h = record(emptyHistory<string>(), "v0", "data:fast:prompt", 0);
    h = record(h, "v1", "data:fast:prompt", 100);
    h = record(h, "v2", "data:fast:prompt", 200);
    expect(h.past).toEqual(["v0"]);
    h = record(h, "v3", "data:fast:prompt", 200 + COALESCE_MS + 1);
    expect(h.past).toEqual(["v0", "v3"]);
    h = record(h, "v4", "data:fast:system", 200 + COALESCE_MS + 2);
    expect(h.past).toEqual(["v0", "v3", "v4"]);
  });

  it("drops the redo stack on a new change", () => {
    let h = record(emptyHistory<string>(), "a", undefined, 0);
    const u = undo(h, "b")!;
    h = record(u.history, "a", undefined, 5);
    expect(h.future).toEqual([]);
  });
});
