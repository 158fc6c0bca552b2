import { beforeAll, describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { RunEvent } from "@switchyard/core";
import { createContextInner } from "../src/context";
import { modelUsage } from "../src/insights/model-usage";
import { appRouter } from "../src/root";
import { appendRunEvents } from "@switchyard/runs";
import { askFlow } from "./support/flows";
import { expectTrpcError, useTestApi } from "./support/harness";
import { createTeam, type Team } from "./support/team";

const t = useTestApi();
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const GPT = "openai:gpt-4o-mini";
const CLAUDE = "anthropic:claude-haiku";

interface Call {
  model?: string;
  status?: "completed" | "failed" | "skipped";
  latencyMs?: number;
  attempts?: number;
  costUsd?: number;
  inputTokens?: number;
  outputTokens?: number;
  /** When the node settled; the run's createdAt by default. */
  at?: Date;
}

/** A finished run of `flowId` created at `at`, with one node result per call, straight in the database. */
async function seedRun(flowId: string, at: Date, calls: Call[]): Promise<string> {
  const flow = await t.db.flow.findUniqueOrThrow({
    where: { id: flowId },
    select: { workspaceId: true, versions: { select: { id: true }, take: 1 } },
  });
  const run = await t.db.run.create({
    data: {
      flowId,
      flowVersionId: flow.versions[0]!.id,
      workspaceId: flow.workspaceId,
      status: "completed",
      inputs: {},
      seed: 1,
      createdAt: at,
    },
    select: { id: true },
  });
  await t.db.nodeResult.createMany({
    data: calls.map((call, i) => ({
      runId: run.id,
      nodeId: `n${i}`,
      status: call.status ?? "completed",
      result: {},
      costUsd: call.costUsd ?? 0,
      inputTokens: call.inputTokens ?? 0,
      outputTokens: call.outputTokens ?? 0,
      latencyMs: call.latencyMs ?? null,
      model: call.model ?? null,
      attempts: call.attempts ?? null,
      createdAt: call.at ?? at,
    })),
  });
  return run.id;
}

const ago = (ms: number) => new Date(Date.now() - ms);

let team: Team;
let otherFlowId: string;

beforeAll(async () => {
  team = await createTeam(t, "Insights");
  otherFlowId = await team.newFlow("Other");
  // GPT in the ask flow: 4 completed calls (100–400 ms) and one failed one, over three runs.
  await seedRun(team.flowId, ago(2 * HOUR), [
    { model: GPT, latencyMs: 100, attempts: 1, costUsd: 0.01, inputTokens: 100, outputTokens: 10 },
    { model: GPT, latencyMs: 200, attempts: 3, costUsd: 0.02, inputTokens: 100, outputTokens: 20 },
    { status: "completed", latencyMs: 1 }, // an input node: no model, not a call
  ]);
  await seedRun(team.flowId, ago(3 * DAY), [
    { model: GPT, latencyMs: 300, attempts: 1, costUsd: 0.03, inputTokens: 100, outputTokens: 30 },
    { model: CLAUDE, latencyMs: 1000, attempts: 1, costUsd: 0.5, inputTokens: 50, outputTokens: 5 },
  ]);
  await seedRun(team.flowId, ago(6 * DAY), [
    { model: GPT, latencyMs: 400, attempts: 2, costUsd: 0.04, inputTokens: 100, outputTokens: 40 },
    { model: GPT, status: "failed", latencyMs: 9000, attempts: 3, inputTokens: 100 },
  ]);
  // A simulated model in the other flow: free.
  await seedRun(otherFlowId, ago(1 * HOUR), [
    { model: "sim:fast", latencyMs: 50, attempts: 1, inputTokens: 7, outputTokens: 3 },
    { model: "sim:fast", latencyMs: 70, attempts: 1, inputTokens: 7, outputTokens: 3 },
  ]);
  // Older than a week: only the 30- and 90-day periods see it.
  await seedRun(team.flowId, ago(10 * DAY), [
    { model: GPT, latencyMs: 5000, attempts: 1, costUsd: 1, inputTokens: 1000, outputTokens: 100 },
  ]);
  // Another workspace's calls of the same model never count.
  const { id: foreignFlow } = await team.other.api.flows.import({
    workspaceId: team.other.workspaceId,
    document: askFlow("Foreign"),
  });
  await seedRun(foreignFlow, ago(HOUR), [{ model: GPT, latencyMs: 1, attempts: 1, costUsd: 100 }]);
}, 60_000);

describe("insights.models", () => {
  it("adds up each model's calls, failures, retries, latency, tokens and cost, most expensive first", async () => {
    const report = await team.owner.api.insights.models({ workspaceId: team.workspaceId });
    expect(report.bucket).toBe("day");
    expect(Date.parse(report.to) - Date.parse(report.from)).toBe(7 * DAY);
    expect(report.models.map((m) => m.model)).toEqual([CLAUDE, GPT, "sim:fast"]);
    const gpt = report.models[1]!;
    expect(gpt).toMatchObject({
      calls: 5,
      failed: 1,
      errorRate: 0.2,
      retries: 2 + 1 + 2,
      // Completed calls only: the failed 9 s call is no latency sample.
      p50LatencyMs: 250,
      p95LatencyMs: 385, // 300 + 0.85 × (400 − 300), interpolated like percentile_cont
      inputTokens: 500,
      outputTokens: 100,
      runs: 3,
    });
    expect(gpt.costUsd).toBeCloseTo(0.1, 12); // not the other workspace's $100 call
    expect(gpt.costPerCallUsd).toBeCloseTo(0.02, 12);
    expect(Date.now() - Date.parse(gpt.lastUsedAt)).toBeLessThan(2 * HOUR + 60_000);
    expect(gpt.series.reduce((sum, p) => sum + p.costUsd, 0)).toBeCloseTo(0.1, 12);
    expect(gpt.series).toHaveLength(3);
    for (const point of gpt.series) expect(point.at).toMatch(/T00:00:00\.000Z$/);

    expect(report.models[0]).toMatchObject({
      model: CLAUDE,
      calls: 1,
      failed: 0,
      errorRate: 0,
      retries: 0,
      p50LatencyMs: 1000,
      p95LatencyMs: 1000,
      costUsd: 0.5,
    });
    expect(report.models[2]).toMatchObject({
      model: "sim:fast",
      calls: 2,
      costUsd: 0,
      costPerCallUsd: 0,
      p50LatencyMs: 60,
      p95LatencyMs: 69,
      runs: 1,
    });
  });

  it("leaves out calls older than the period, and takes them in for a longer one", async () => {
    const week = await team.owner.api.insights.models({ workspaceId: team.workspaceId, days: 7 });
    expect(week.models.find((m) => m.model === GPT)?.calls).toBe(5);
    const month = await team.owner.api.insights.models({ workspaceId: team.workspaceId, days: 30 });
    const gpt = month.models.find((m) => m.model === GPT)!;
    expect(gpt).toMatchObject({ calls: 6, runs: 4, p50LatencyMs: 300 });
    expect(gpt.costUsd).toBeCloseTo(1.1, 12);
    // Now the most expensive model.
    expect(month.models[0]!.model).toBe(GPT);
    const day = await team.owner.api.insights.models({ workspaceId: team.workspaceId, days: 1 });
    expect(day.bucket).toBe("hour");
    expect(day.models.map((m) => [m.model, m.calls])).toEqual([
      [GPT, 2],
      ["sim:fast", 2],
    ]);
    for (const point of day.models[0]!.series) expect(point.at).toMatch(/T\d\d:00:00\.000Z$/);
  });

  it("counts a call made in the period by a run created shortly before it", async () => {
    const { id: flowId } = await team.owner.api.flows.import({
      workspaceId: team.owner.workspaceId,
      document: askFlow("Straddling"),
    });
    await seedRun(flowId, ago(30 * HOUR), [
      { model: GPT, latencyMs: 10, attempts: 1, at: ago(20 * HOUR) },
      { model: GPT, latencyMs: 10, attempts: 1, at: ago(26 * HOUR) },
    ]);
    const day = await team.owner.api.insights.models({
      workspaceId: team.owner.workspaceId,
      days: 1,
    });
    expect(day.models).toMatchObject([{ model: GPT, calls: 1 }]);
  });

  it("narrows to one flow of the workspace", async () => {
    const ask = await team.owner.api.insights.models({
      workspaceId: team.workspaceId,
      flowId: team.flowId,
    });
    expect(ask.models.map((m) => m.model)).toEqual([CLAUDE, GPT]);
    const other = await team.owner.api.insights.models({
      workspaceId: team.workspaceId,
      flowId: otherFlowId,
    });
    expect(other.models).toMatchObject([{ model: "sim:fast", calls: 2, runs: 1 }]);
  });

  it("counts a failed model node as written from the engine's events", async () => {
    const runId = await team.queuedRun(otherFlowId);
    const time = new Date().toISOString();
    const base = { runId, time, nodeId: "ask", nodeType: "model" } as const;
    const events: RunEvent[] = [
      { type: "run.started", runId, seq: 1, time, flowName: "Other", inputs: {}, seed: 1 },
      { ...base, type: "node.started", seq: 2 },
      {
        ...base,
        type: "node.failed",
        seq: 3,
        error: { code: "server_error", message: "HTTP 500", status: 500, nodeId: "ask" },
        latencyMs: 700,
        attempts: 3,
        model: "sim:flaky",
        usage: { input: 0, output: 0 },
        costUsd: 0,
      },
      {
        type: "run.failed",
        runId,
        seq: 4,
        time,
        outputs: {},
        costUsd: 0,
        tokens: { input: 0, output: 0 },
        latencyMs: 710,
        error: { code: "node_failed", message: "node 'ask' failed", nodeId: "ask" },
      },
    ];
    await appendRunEvents(t.sql, runId, events, { unclaimed: true });
    const report = await team.owner.api.insights.models({
      workspaceId: team.workspaceId,
      flowId: otherFlowId,
    });
    expect(report.models.find((m) => m.model === "sim:flaky")).toMatchObject({
      calls: 1,
      failed: 1,
      errorRate: 1,
      retries: 2,
      p50LatencyMs: null,
      p95LatencyMs: null,
    });
  });

  it("buckets the cost series by UTC day, or by hour for one day", async () => {
    const now = new Date("2026-03-10T12:30:00Z");
    const { id: flowId } = await team.owner.api.flows.import({
      workspaceId: team.owner.workspaceId,
      document: askFlow("Series"),
    });
    await seedRun(flowId, new Date("2026-03-08T23:59:00Z"), [{ model: "sim:series", costUsd: 1 }]);
    await seedRun(flowId, new Date("2026-03-09T00:01:00Z"), [{ model: "sim:series", costUsd: 2 }]);
    await seedRun(flowId, new Date("2026-03-10T11:10:00Z"), [{ model: "sim:series", costUsd: 4 }]);
    await seedRun(flowId, new Date("2026-03-10T11:50:00Z"), [{ model: "sim:series", costUsd: 8 }]);
    const week = await modelUsage(t.db, {
      workspaceId: team.owner.workspaceId,
      days: 7,
      flowId,
      now,
    });
    expect(week.from).toBe("2026-03-03T12:30:00.000Z");
    expect(week.models[0]!.series).toEqual([
      { at: "2026-03-08T00:00:00.000Z", costUsd: 1 },
      { at: "2026-03-09T00:00:00.000Z", costUsd: 2 },
      { at: "2026-03-10T00:00:00.000Z", costUsd: 12 },
    ]);
    const day = await modelUsage(t.db, {
      workspaceId: team.owner.workspaceId,
      days: 1,
      flowId,
      now,
    });
    expect(day.models[0]).toMatchObject({
      calls: 2,
      costUsd: 12,
      lastUsedAt: "2026-03-10T11:50:00.000Z",
    });
    expect(day.models[0]!.series).toEqual([{ at: "2026-03-10T11:00:00.000Z", costUsd: 12 }]);
  });

  it("is empty for a workspace with no model calls in the period", async () => {
    const { id } = await team.owner.api.workspaces.create({ name: "Quiet" });
    expect(await team.owner.api.insights.models({ workspaceId: id, days: 90 })).toMatchObject({
      models: [],
    });
  });

  it("lets a viewer read it", async () => {
    const report = await team.viewer.api.insights.models({ workspaceId: team.workspaceId });
    expect(report.models.map((m) => m.model)).toContain(GPT);
  });

  it("is not found for someone outside the workspace, or a flow outside it", async () => {
    await expectTrpcError(
      team.other.api.insights.models({ workspaceId: team.workspaceId }),
      "NOT_FOUND",
      "Workspace not found",
    );
    await expectTrpcError(
      team.other.api.insights.models({ workspaceId: team.other.workspaceId, flowId: team.flowId }),
      "NOT_FOUND",
      "Flow not found in this workspace",
    );
    await expectTrpcError(
      team.owner.api.insights.models({ workspaceId: team.workspaceId, flowId: "no-such-flow" }),
      "NOT_FOUND",
      "Flow not found in this workspace",
    );
  });

  it("refuses a period it doesn't offer, in words over HTTP", async () => {
    await expectTrpcError(
      // @ts-expect-error -- 3 days is not one of the periods
      team.owner.api.insights.models({ workspaceId: team.workspaceId, days: 3 }),
      "BAD_REQUEST",
      /the period is 1, 7, 30 or 90 days/,
    );
    const input = encodeURIComponent(JSON.stringify({ workspaceId: team.workspaceId, days: 3 }));
    const response = await fetchRequestHandler({
      endpoint: "/trpc",
      router: appRouter,
      req: new Request(`http://localhost/trpc/insights.models?input=${input}`),
      createContext: () =>
        createContextInner({
          db: t.db,
          services: t.services,
          user: { id: team.owner.id, email: team.owner.email, name: team.owner.name },
        }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe("days: the period is 1, 7, 30 or 90 days");
  });
});
