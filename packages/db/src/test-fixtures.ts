import { randomUUID } from "node:crypto";
import type { Db } from "./client.ts";

/** A user, their workspace, a flow with version 1 and a finished run of it: rows most tests need. */
export async function seedFlowWithRun(db: Db) {
  const user = await db.user.create({
    data: { id: randomUUID(), name: "Ada", email: `ada-${randomUUID()}@example.com` },
  });
  const workspace = await db.workspace.create({
    data: {
      name: "Ada's workspace",
      personal: true,
      memberships: { create: { userId: user.id, role: "owner" } },
    },
  });
  const flow = await db.flow.create({
    data: { workspaceId: workspace.id, name: "Cascade", createdById: user.id, latestVersion: 1 },
  });
  const version = await db.flowVersion.create({
    data: {
      flowId: flow.id,
      version: 1,
      document: { format: "switchyard/flow@1", nodes: [] },
      createdById: user.id,
    },
  });
  const run = await db.run.create({
    data: {
      flowId: flow.id,
      flowVersionId: version.id,
      workspaceId: workspace.id,
      inputs: { question: "Why?" },
      seed: 7,
      createdById: user.id,
      events: { create: [{ seq: 1, type: "run.started", payload: {} }] },
      nodeResults: {
        create: {
          nodeId: "model-1",
          status: "completed",
          result: { output: "Because." },
          costUsd: 0.01,
          inputTokens: 5,
          outputTokens: 2,
        },
      },
    },
  });
  return { user, workspace, flow, version, run };
}
