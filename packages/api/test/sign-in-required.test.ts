import { describe, expect, it } from "vitest";
import { appRouter, type createCaller } from "../src/root";
import { askFlow } from "./support/flows";
import { expectTrpcError, useTestApi } from "./support/harness";

const t = useTestApi();

type Api = ReturnType<typeof createCaller>;
const ws = { workspaceId: "ws" };

/** One call per signed-in procedure, with input that would otherwise be acceptable. */
const signedIn: Record<string, (api: Api) => Promise<unknown>> = {
  "flows.list": (api) => api.flows.list(),
  "flows.byId": (api) => api.flows.byId({ id: "f" }),
  "flows.create": (api) => api.flows.create({ ...ws, name: "New" }),
  "flows.update": (api) => api.flows.update({ id: "f", document: askFlow() }),
  "flows.rename": (api) => api.flows.rename({ id: "f", name: "New" }),
  "flows.delete": (api) => api.flows.delete({ id: "f" }),
  "flows.versions": (api) => api.flows.versions({ id: "f" }),
  "flows.restore": (api) => api.flows.restore({ id: "f", version: 1 }),
  "flows.import": (api) => api.flows.import({ ...ws, document: askFlow() }),
  "flows.export": (api) => api.flows.export({ id: "f" }),
  "runs.start": (api) => api.runs.start({ flowId: "f", inputs: {} }),
  "runs.cancel": (api) => api.runs.cancel({ runId: "r" }),
  "runs.list": (api) => api.runs.list({ flowId: "f" }),
  "runs.byId": (api) => api.runs.byId({ runId: "r" }),
  "runs.events": (api) => api.runs.events({ runId: "r" }),
  "runs.onRunEvents": (api) => api.runs.onRunEvents({ runId: "r" }),
  "catalog.models": (api) => api.catalog.models(ws),
  "insights.models": (api) => api.insights.models({ ...ws, days: 7 }),
  "credentials.list": (api) => api.credentials.list(ws),
  "credentials.set": (api) =>
    api.credentials.set({ ...ws, provider: "openai", key: "sk-0123456789" }),
  "credentials.test": (api) => api.credentials.test({ ...ws, provider: "openai" }),
  "credentials.delete": (api) => api.credentials.delete({ ...ws, provider: "openai" }),
  "apiKeys.list": (api) => api.apiKeys.list(ws),
  "apiKeys.create": (api) => api.apiKeys.create({ ...ws, name: "CI" }),
  "apiKeys.revoke": (api) => api.apiKeys.revoke({ ...ws, id: "k" }),
  "flows.fork": (api) => api.flows.fork({ flowId: "f", ...ws }),
  "workspaces.create": (api) => api.workspaces.create({ name: "Team" }),
  "workspaces.rename": (api) => api.workspaces.rename({ ...ws, name: "Renamed" }),
  "workspaces.delete": (api) => api.workspaces.delete({ ...ws, confirmName: "Team" }),
  "workspaces.members": (api) => api.workspaces.members(ws),
  "workspaces.invite": (api) =>
    api.workspaces.invite({ ...ws, email: "lin@example.com", role: "editor" }),
  "workspaces.invitations": (api) => api.workspaces.invitations(ws),
  "workspaces.revokeInvitation": (api) => api.workspaces.revokeInvitation({ ...ws, id: "i" }),
  "workspaces.acceptInvite": (api) => api.workspaces.acceptInvite({ token: "t" }),
  "workspaces.setRole": (api) => api.workspaces.setRole({ ...ws, userId: "u", role: "viewer" }),
  "workspaces.removeMember": (api) => api.workspaces.removeMember({ ...ws, userId: "u" }),
  "workspaces.audit": (api) => api.workspaces.audit(ws),
  "shares.list": (api) => api.shares.list({ flowId: "f" }),
  "shares.shareWithUser": (api) =>
    api.shares.shareWithUser({ flowId: "f", email: "lin@example.com", role: "viewer" }),
  "shares.updateRole": (api) => api.shares.updateRole({ shareId: "s", role: "editor" }),
  "shares.revoke": (api) => api.shares.revoke({ shareId: "s" }),
  "shares.createLink": (api) => api.shares.createLink({ flowId: "f" }),
  "shares.revokeLink": (api) => api.shares.revokeLink({ shareId: "s" }),
};
/** Open to anyone: the link and invitation pages work before signing in (the token is the key). */
const open = [
  "me.get",
  "catalog.nodes",
  "catalog.templates",
  "workspaces.inviteInfo",
  "shares.openLink",
];

describe("signing in", () => {
  it("is required by every procedure except the open ones", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(
      [...Object.keys(signedIn), ...open].sort(),
    );
  });

  it.each(Object.keys(signedIn))("%s asks an anonymous caller to sign in", async (path) => {
    await expectTrpcError(signedIn[path]!(t.anonymous()), "UNAUTHORIZED", "Please sign in.");
  });

  it.each(Object.keys(signedIn))(
    "%s tells a caller whose session expired to sign in again",
    async (path) => {
      await expectTrpcError(
        signedIn[path]!(t.anonymous({ sessionExpired: true })),
        "UNAUTHORIZED",
        "Your session has expired; please sign in again.",
      );
    },
  );

  it("writes nothing for an anonymous caller", async () => {
    for (const call of Object.values(signedIn)) await call(t.anonymous()).catch(() => undefined);
    expect(await t.db.flow.count()).toBe(0);
    expect(t.queue.enqueued).toEqual([]);
  });
});
