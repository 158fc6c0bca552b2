import { describe, expect, it } from "vitest";
import { pickWorkspace, type WorkspaceOption } from "./workspace-choice";

const team: WorkspaceOption = { id: "team", name: "Team", personal: false, role: "editor" };
const mine: WorkspaceOption = { id: "mine", name: "Mine", personal: true, role: "owner" };

describe("pickWorkspace", () => {
  it("keeps the remembered workspace", () => {
    expect(pickWorkspace([team, mine], "team")).toBe(team);
  });

  it("falls back to the personal workspace when the remembered one is gone or unset", () => {
    expect(pickWorkspace([team, mine], "deleted")).toBe(mine);
    expect(pickWorkspace([team, mine], null)).toBe(mine);
  });

  it("takes the first without a personal one, and nothing from nothing", () => {
    expect(pickWorkspace([team], null)).toBe(team);
    expect(pickWorkspace([], "x")).toBeUndefined();
  });
});
