import { describe, expect, it } from "vitest";
import { runBlocker, type RunConditions } from "./run-blockers";

const ready: RunConditions = { role: "editor", errors: 0, dirty: false, running: false };

describe("runBlocker", () => {
  it("lets an editor run a saved, valid flow", () => {
    expect(runBlocker(ready)).toBeUndefined();
    expect(runBlocker({ ...ready, role: "owner" })).toBeUndefined();
  });

  it("offers save-and-run only when unsaved changes are the one obstacle", () => {
    expect(runBlocker({ ...ready, dirty: true })).toEqual({ reason: expect.stringMatching(/unsaved/), saveFirst: true });
    expect(runBlocker({ ...ready, dirty: true, errors: 2 })).toEqual({ reason: expect.stringMatching(/2 errors/), saveFirst: false });
  });

  it("puts the role first, then a run in progress", () => {
    expect(runBlocker({ ...ready, role: "viewer", running: true, errors: 1 })?.reason).toMatch(/view access/);
    expect(runBlocker({ ...ready, running: true, errors: 1 })?.reason).toMatch(/in progress/);
  });

  it("puts lost access before everything else", () => {
    expect(runBlocker({ ...ready, accessLost: true, role: "viewer", dirty: true })).toEqual({ reason: expect.stringMatching(/no longer have access/), saveFirst: false });
  });

  it("says 'the error' for one", () => {
    expect(runBlocker({ ...ready, errors: 1 })?.reason).toMatch(/Fix the error/);
  });
});
