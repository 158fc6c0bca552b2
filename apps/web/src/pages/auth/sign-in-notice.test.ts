import { describe, expect, it } from "vitest";
import { signInNotice } from "./sign-in-notice";

const notice = (query: string, expired = false) => signInNotice(new URLSearchParams(query), expired)?.text;

describe("signInNotice", () => {
  it("says the session ended, and that unsaved changes are kept when they were", () => {
    expect(notice("next=%2Fflows%2Fa&reason=ended&draft=kept")).toBe(
      "Your session ended. Sign in again to get back to your flow — your unsaved changes are kept.",
    );
    expect(notice("reason=ended")).toBe("Your session ended. Sign in again to continue.");
  });

  it("is plain about changes the browser would not keep", () => {
    expect(signInNotice(new URLSearchParams("reason=ended&draft=lost"), false)).toMatchObject({ kind: "error", text: expect.stringMatching(/would not keep your unsaved changes/) });
  });

  it("says an expired session expired, and nothing for an ordinary sign-in", () => {
    expect(notice("reason=expired")).toMatch(/expired/);
    expect(notice("", true)).toMatch(/expired/);
    expect(notice("next=%2F")).toBeUndefined();
    expect(notice("draft=kept")).toBeUndefined();
  });
});
