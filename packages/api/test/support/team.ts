import type { RunEvent } from "@switchyard/core";
import { appendRunEvents } from "@switchyard/runs";
import { askFlow } from "./flows";
import type { TestApi, TestUser } from "./harness";

/** The events a worker writes for one run of the ask flow, the model answering `answer`. */
export function completedRunEvents(runId: string, answer = "Canberra."): RunEvent[] {
  const time = new Date().toISOString();
  const usage = { input: 4, output: 2 };
  return [
    {
      type: "run.started",
      runId,
      seq: 1,
      time,
      flowName: "Ask",
      inputs: { question: "Capital of Australia?" },
      seed: 1,
    },
    { type: "node.started", runId, seq: 2, time, nodeId: "ask", nodeType: "model" },
    { type: "node.delta", runId, seq: 3, time, nodeId: "ask", text: answer, attempt: 1 },
    {
      type: "node.completed",
      runId,
      seq: 4,
      time,
      nodeId: "ask",
      nodeType: "model",
      output: { text: answer },
      usage,
      costUsd: 0.001,
      latencyMs: 20,
    },
    {
      type: "run.completed",
      runId,
      seq: 5,
      time,
      outputs: { answer },
      costUsd: 0.001,
      tokens: usage,
      latencyMs: 25,
    },
  ];
}

/** A team workspace with an owner, an editor and a viewer; an outsider with a workspace of their own. */
export interface Team {
  workspaceId: string;
  owner: TestUser;
  editor: TestUser;
  viewer: TestUser;
  /** A member of another workspace only. */
  other: TestUser;
  /** A flow in the team workspace (the ask flow) and a finished run of it with its events. */
  flowId: string;
  runId: string;
  /** A run of `flowId` (the team flow by default) that is still queued: started, no events. */
  queuedRun(flowId?: string): Promise<string>;
  /** Another flow in the team workspace. */
  newFlow(name?: string): Promise<string>;
  /** A finished run of `flowId` whose model answered `answer`. */
  finishedRun(answer?: string, flowId?: string): Promise<string>;
}

export async function createTeam(t: TestApi, label = "Team"): Promise<Team> {
  const owner = await t.user("Olga");
  const editor = await t.user("Ed");
  const viewer = await t.user("Vi");
  const other = await t.user("Otto");
  const { id: workspaceId } = await owner.api.workspaces.create({ name: label });
  await t.join(editor, workspaceId, "editor");
  await t.join(viewer, workspaceId, "viewer");
  const newFlow = async (name = "Ask") =>
    (await owner.api.flows.import({ workspaceId, document: askFlow(name) })).id;
  const flowId = await newFlow();
  const queuedRun = async (flow = flowId) =>
    (await owner.api.runs.start({ flowId: flow, inputs: { question: "Capital of Australia?" } }))
      .runId;
  const finishedRun = async (answer?: string, flow = flowId) => {
    const runId = await queuedRun(flow);
    await appendRunEvents(t.sql, runId, completedRunEvents(runId, answer), { unclaimed: true });
    return runId;
  };
  const runId = await finishedRun();
  return {
    workspaceId,
    owner,
    editor,
    viewer,
    other,
    flowId,
    runId,
    queuedRun,
    newFlow,
    finishedRun,
  };
}

/** Reads a subscription (or any async iterable) to its end; other values are returned as they are. */
export async function drain(result: unknown): Promise<unknown[]> {
  if (result === null || typeof result !== "object" || !(Symbol.asyncIterator in result))
    return [result];
  const items: unknown[] = [];
  for await (const item of result as AsyncIterable<unknown>) items.push(item);
  return items;
}

/**
 * Everything in the database (row counts and a digest of every row of every table) plus what
 * was handed to the queue: equal snapshots before and after a call mean it changed nothing.
 * Rate-limit buckets are left out: they count requests (refused ones too), not data.
 */
export async function snapshot(t: TestApi): Promise<string> {
  const tables = await t.db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('_prisma_migrations', 'rate_limit_bucket') ORDER BY table_name`;
  const sql = tables
    .map(
      ({ name }) =>
        `SELECT '${name}' AS name, count(*)::int AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS digest FROM "${name}" x`,
    )
    .join(" UNION ALL ");
  const rows = await t.db.$queryRawUnsafe<{ name: string; n: number; digest: string }[]>(sql);
  return JSON.stringify({
    rows,
    enqueued: t.queue.enqueued.length,
    cancels: t.queue.cancelRequests.length,
  });
}
