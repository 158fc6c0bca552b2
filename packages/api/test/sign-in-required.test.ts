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
  "credentials.list": (api) => api.credentials.list(ws),
  "credentials.set": (api) =>
    api.credentials.set({ ...ws, provider: "openai", key: "sk-0123456789" }),
  "credentials.test": (api) => api.credentials.test({ ...ws, provider: "openai" }),
  "credentials.delete": (api) => api.credentials.delete({ ...ws, provider: "openai" }),
  "apiKeys.list": (api) => api.apiKeys.list(ws),
  "apiKeys.create": (api) => api.apiKeys.create({ ...ws, name: "CI" }),
  "apiKeys.revoke": (api) => api.apiKeys.revoke({ ...ws, id: "k" }),
};
const open = ["me.get", "catalog.nodes", "catalog.templates"];

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
