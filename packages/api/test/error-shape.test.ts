import { describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../src/root";
import { createContextInner, type SessionUser } from "../src/context";
import type { ApiServices } from "../src/services/api-services";
import { useTestApi } from "./support/harness";
import { askFlow } from "./support/flows";

const t = useTestApi();

/** Calls a procedure over HTTP the way the web app does, and returns the JSON error it receives. */
async function httpError(
  path: string,
  input: unknown,
  options: { user?: SessionUser; services?: ApiServices; query?: boolean } = {},
) {
  const url = `http://localhost/trpc/${path}`;
  const req = options.query
    ? new Request(
        input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify(input))}`,
      )
    : new Request(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      });
  const response = await fetchRequestHandler({
    endpoint: "/trpc",
    router: appRouter,
    req,
    createContext: () =>
      createContextInner({
        db: t.db,
        services: options.services ?? t.services,
        user: options.user ?? null,
      }),
  });
  const body = (await response.json()) as {
    error: { message: string; data: Record<string, unknown> };
  };
  return { status: response.status, ...body.error };
}

describe("errors as the client sees them", () => {
  it("flatten a zod failure per field and say it in a sentence", async () => {
    const ada = await t.user("Ada");
    const error = await httpError(
      "flows.create",
      { workspaceId: ada.workspaceId, name: "" },
      { user: ada },
    );
    expect(error.status).toBe(400);
    expect(error.data).toMatchObject({
      code: "BAD_REQUEST",
      zodError: { formErrors: [], fieldErrors: { name: ["A flow needs a name"] } },
    });
    expect(error.message).toBe("name: A flow needs a name");
  });

  it("keep a deliberate message and carry no stack", async () => {
    const error = await httpError("flows.list", undefined, { query: true });
    expect(error).toMatchObject({
      status: 401,
      message: "Please sign in.",
      data: { code: "UNAUTHORIZED", zodError: null },
    });
    expect(error.data).not.toHaveProperty("stack");
  });

  it("hide what an unexpected failure says about the server", async () => {
    const services: ApiServices = {
      ...t.services,
      templates: () => {
        throw new Error("ENOENT: no such file or directory, open '/srv/switchyard/examples'");
      },
    };
    const error = await httpError("catalog.templates", undefined, { services, query: true });
    expect(error).toMatchObject({
      status: 500,
      message: "Something went wrong on our side; please try again.",
      data: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(JSON.stringify(error)).not.toContain("/srv/switchyard");
  });

  it("keep a deliberate server-side message, even for an internal error", async () => {
    const ada = await t.user("Ada");
    const { id } = await ada.api.flows.import({
      workspaceId: ada.workspaceId,
      document: askFlow(),
    });
    t.queue.failNext = true;
    const error = await httpError(
      "runs.start",
      { flowId: id, inputs: { question: "q" } },
      { user: ada },
    );
    expect(error).toMatchObject({
      status: 500,
      message: "The run queue is unavailable; please try again.",
    });
  });
});
