import { describe, expect, it } from "vitest";
import { auditSentence, type AuditFact, type AuditNames } from "./audit-sentences";

const ada = { name: "Ada", email: "ada@example.com" };
const names: AuditNames = { people: new Map([["bob@example.com", "Bob"]]), flows: new Map([["f1", "Triage"]]) };
const say = (action: string, details: Record<string, unknown>, actor: AuditFact["actor"] = ada, extra: Partial<AuditNames> = {}) =>
  auditSentence({ action, target: null, details, actor }, { ...names, ...extra });

describe("auditSentence", () => {
  it("names people by name when they are members, else by email", () => {
    expect(say("member.role_changed", { email: "bob@example.com", from: "viewer", to: "editor" })).toBe("Ada made Bob an editor (was a viewer)");
    expect(say("member.removed", { email: "eve@example.com", role: "viewer" })).toBe("Ada removed eve@example.com (a viewer) from the workspace");
  });

  it("says which flow a share is about when the flow is known", () => {
    expect(say("share.created", { flowId: "f1", email: "bob@example.com", role: "viewer" })).toBe("Ada shared “Triage” with Bob as a viewer");
    expect(say("share.role_changed", { flowId: "f1", email: "bob@example.com", from: "viewer", role: "editor" })).toBe("Ada made Bob an editor of “Triage” (was a viewer)");
    expect(say("share.revoked", { flowId: "gone", email: "bob@example.com", role: "editor" })).toBe("Ada stopped sharing a flow with Bob");
    expect(say("link.created", { flowId: "f1" })).toBe("Ada created a read-only link to “Triage”");
  });

  it("covers invitations, keys and credentials", () => {
    expect(say("invitation.created", { email: "cy@example.com", role: "owner" })).toBe("Ada invited cy@example.com to join as an owner");
    expect(say("invitation.accepted", { email: "bob@example.com", role: "editor" }, { name: "Bob", email: "bob@example.com" })).toBe(
      "Bob accepted an invitation and joined as an editor",
    );
    expect(say("api_key.revoked", { name: "CI", prefix: "sy_ab", role: "editor" })).toBe("Ada revoked the API key “CI”");
    expect(say("credential.set", { provider: "openai", keyHint: "…abcd" })).toBe("Ada set the openai key (ending …abcd)");
  });

  it("says 'you' for the reader and copes with a deleted actor or an unknown action", () => {
    expect(say("member.left", {}, ada, { myEmail: "ada@example.com" })).toBe("You left the workspace");
    expect(say("member.role_changed", { email: "ada@example.com", from: "owner", to: "editor" }, ada, { myEmail: "ada@example.com" })).toBe(
      "You made yourself an editor (was an owner)",
    );
    expect(say("member.left", {}, null)).toBe("A deleted user left the workspace");
    expect(say("something.new_here", {})).toBe("Ada: something new here");
  });

  it("says what a workspace was called before and after a rename", () => {
    expect(say("workspace.renamed", { from: "Analytics", to: "Insights" })).toBe("Ada renamed the workspace from “Analytics” to “Insights”");
    expect(say("workspace.renamed", { to: "Insights" }, ada, { myEmail: "ada@example.com" })).toBe("You renamed the workspace to “Insights”");
  });

  it("keeps markup as text", () => {
    expect(say("workspace.created", { name: "<img src=x onerror=alert(1)>" })).toBe("Ada created the workspace “<img src=x onerror=alert(1)>”");
  });
});
