import { recordOr } from "../../util/records";
import { withArticle } from "../../util/roles";

/** One audit entry as the API returns it, reduced to what a sentence needs. */
export interface AuditFact {
  action: string;
  target: string | null;
  details: unknown;
  actor: { name: string; email: string } | null;
}

/** Names the log itself doesn't carry: people by email (current members) and flows by id. */
export interface AuditNames {
  people: ReadonlyMap<string, string>;
  flows: ReadonlyMap<string, string>;
  /** The signed-in user's email: "you" reads better than your own name. */
  myEmail?: string;
}

/** Plain text only: the page renders it as text, so names can't inject markup. */
export function auditSentence(entry: AuditFact, names: AuditNames): string {
  const d = recordOr(entry.details);
  const text = (key: string) => (typeof d[key] === "string" ? d[key] : undefined);
  const actor = !entry.actor ? "A deleted user" : entry.actor.email === names.myEmail ? "You" : entry.actor.name || entry.actor.email;
  const person = (email: string | undefined) => {
    if (!email) return "someone";
    if (email === names.myEmail) return actor === "You" ? "yourself" : "you";
    return names.people.get(email.toLowerCase()) ?? email;
  };
  const flowId = text("flowId");
  const flow = flowId ? (names.flows.has(flowId) ? `“${names.flows.get(flowId)}”` : "a flow") : "a flow";
  const role = (key = "role") => withArticle(text(key) ?? "member");
  const was = text("from") ? ` (was ${withArticle(text("from") ?? "")})` : "";

  switch (entry.action) {
    case "workspace.created":
      return `${actor} created the workspace${text("name") ? ` “${text("name")}”` : ""}`;
    case "workspace.renamed":
      return `${actor} renamed the workspace${text("from") ? ` from “${text("from")}”` : ""} to “${text("to") ?? "a new name"}”`;
    case "invitation.created":
      return `${actor} invited ${text("email") ?? "someone"} to join as ${role()}`;
    case "invitation.revoked":
      return `${actor} withdrew the invitation for ${text("email") ?? "someone"}`;
    case "invitation.accepted":
      return `${actor} accepted an invitation and joined as ${role()}`;
    case "member.role_changed":
      return `${actor} made ${person(text("email"))} ${role("to")}${was}`;
    case "member.removed":
      return `${actor} removed ${person(text("email"))} (${role()}) from the workspace`;
    case "member.left":
      return `${actor} left the workspace`;
    case "share.created":
      return `${actor} shared ${flow} with ${person(text("email"))} as ${role()}`;
    case "share.role_changed":
      return `${actor} made ${person(text("email"))} ${role()} of ${flow}${was}`;
    case "share.revoked":
      return `${actor} stopped sharing ${flow} with ${person(text("email"))}`;
    case "link.created":
      return `${actor} created a read-only link to ${flow}`;
    case "link.revoked":
      return `${actor} revoked a read-only link to ${flow}`;
    case "api_key.created":
      return `${actor} created the API key “${text("name") ?? "unnamed"}”${text("role") ? ` with the ${text("role")} role` : ""}`;
    case "api_key.revoked":
      return `${actor} revoked the API key “${text("name") ?? "unnamed"}”`;
    case "credential.set":
      return `${actor} set the ${text("provider") ?? "provider"} key${text("keyHint") ? ` (ending ${text("keyHint")})` : ""}`;
    case "credential.deleted":
      return `${actor} removed the ${text("provider") ?? "provider"} key`;
    case "flow.forked":
      return `${actor} forked ${text("fromFlowId") && names.flows.has(text("fromFlowId") ?? "") ? `“${names.flows.get(text("fromFlowId") ?? "")}”` : "a flow"} into this workspace as “${text("name") ?? "a copy"}”`;
    default:
      return `${actor}: ${entry.action.replaceAll(/[._]/g, " ")}`;
  }
}
