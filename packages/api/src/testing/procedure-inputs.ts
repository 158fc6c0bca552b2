/** The things of a team that good calls refer to; a test creates them and names them here. */
export interface CallTargets {
  workspaceId: string;
  flowId: string;
  /** A flow the calls may delete. */
  doomedFlowId: string;
  /** A team workspace the calls may delete, named "Doomed". */
  doomedWorkspaceId: string;
  runId: string;
  /** A member the calls may change and remove. */
  memberId: string;
  shareId: string;
  linkShareId: string;
  linkToken: string;
  invitationId: string;
  invitationToken: string;
  apiKeyId: string;
  /** A flow document that can be saved and run. */
  document: unknown;
}

/**
 * A good input for every tRPC procedure, as the team's owner would send it: the raw material
 * hostile-input tests mutate. A procedure missing here fails those tests.
 */
export function procedureInputs(t: CallTargets): Record<string, unknown> {
  const ws = { workspaceId: t.workspaceId };
  return {
    "me.get": undefined,
    "catalog.nodes": undefined,
    "catalog.templates": undefined,
    "catalog.models": ws,
    "insights.models": { ...ws, days: 30, flowId: t.flowId },

    "flows.list": { ...ws, search: "Ask" },
    "flows.byId": { id: t.flowId, version: 1 },
    // `name` names the new flow, replacing the document's own: that field is not stored.
    "flows.create": { ...ws, name: "New", document: { ...(t.document as object), name: undefined } },
    "flows.update": { id: t.flowId, document: t.document, message: "Edited" },
    "flows.rename": { id: t.flowId, name: "Renamed" },
    "flows.delete": { id: t.doomedFlowId },
    "flows.versions": { id: t.flowId },
    "flows.restore": { id: t.flowId, version: 1 },
    "flows.import": { ...ws, document: t.document },
    "flows.export": { id: t.flowId, version: 1 },
    "flows.fork": { flowId: t.flowId, ...ws, linkToken: t.linkToken, name: "Fork" },

    "runs.start": { flowId: t.flowId, version: 1, inputs: { question: "Capital of Australia?" }, seed: 1, budgetUsd: 1 },
    "runs.cancel": { runId: t.runId },
    "runs.list": { flowId: t.flowId, limit: 10, cursor: t.runId },
    "runs.byId": { runId: t.runId },
    "runs.events": { runId: t.runId, afterSeq: 0 },
    "runs.onRunEvents": { runId: t.runId, lastEventId: "0" },

    "credentials.list": ws,
    "credentials.set": { ...ws, provider: "anthropic", key: "sk-ant-0123456789" },
    "credentials.test": { ...ws, provider: "openai", key: "sk-test-0123456789" },
    "credentials.delete": { ...ws, provider: "anthropic" },

    "apiKeys.list": ws,
    "apiKeys.create": { ...ws, name: "CI", role: "viewer" },
    "apiKeys.revoke": { ...ws, id: t.apiKeyId },

    "workspaces.create": { name: "Mine" },
    "workspaces.rename": { ...ws, name: "Team" },
    "workspaces.delete": { workspaceId: t.doomedWorkspaceId, confirmName: "Doomed" },
    "workspaces.members": ws,
    "workspaces.invite": { ...ws, email: "someone@example.com", role: "viewer" },
    "workspaces.invitations": ws,
    "workspaces.revokeInvitation": { ...ws, id: t.invitationId },
    "workspaces.inviteInfo": { token: t.invitationToken },
    "workspaces.acceptInvite": { token: t.invitationToken },
    "workspaces.setRole": { ...ws, userId: t.memberId, role: "editor" },
    "workspaces.removeMember": { ...ws, userId: t.memberId },
    "workspaces.audit": { ...ws, limit: 10 },

    "shares.list": { flowId: t.flowId },
    "shares.shareWithUser": { flowId: t.flowId, email: "someone@example.com", role: "viewer" },
    "shares.updateRole": { shareId: t.shareId, role: "editor" },
    "shares.revoke": { shareId: t.shareId },
    "shares.createLink": { flowId: t.flowId },
    "shares.revokeLink": { shareId: t.linkShareId },
    "shares.openLink": { token: t.linkToken },
  };
}
