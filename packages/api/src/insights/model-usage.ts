import { Prisma, type Db } from "@switchyard/db";

/** The periods the Models page offers, in days. */
export const INSIGHT_PERIODS = [1, 7, 30, 90] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];

/** Most models one answer lists (by cost); a workspace rarely uses more than a handful. */
export const MAX_MODELS = 200;

/**
 * How far before the period a run may have been created and still have its calls counted. Runs
 * are found through the run(workspaceId, createdAt) index, so the window needs a bound on the run;
 * a run whose calls come more than this long after it was created (queued while no worker ran)
 * falls outside every period.
 */
const RUN_SLACK = Prisma.sql`interval '1 day'`;

/** One model's calls in the period: what a node result with that model id adds up to. */
export interface ModelUsage {
  model: string;
  /** Node results with this model: one per node that called it, however many attempts it took. */
  calls: number;
  failed: number;
  /** Failed calls ÷ calls. */
  errorRate: number;
  /** Attempts beyond the first, summed. */
  retries: number;
  /** Latency percentiles of completed calls (continuous, interpolated); null when none completed. */
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  costPerCallUsd: number;
  /** Distinct runs that called it. */
  runs: number;
  lastUsedAt: string;
  /** Cost per bucket (UTC hour or day) that had calls, oldest first; buckets without calls are left out. */
  series: { at: string; costUsd: number }[];
}

export interface ModelUsageReport {
  /** The period: calls made at or after `from`, up to `to` (when the report was made). */
  from: string;
  to: string;
  /** The series' bucket: hours for a one-day period, days otherwise (UTC). */
  bucket: "hour" | "day";
  /** Most expensive first; at most MAX_MODELS. */
  models: ModelUsage[];
}

interface Row {
  model: string;
  calls: number;
  failed: number;
  retries: number;
  p50: number | null;
  p95: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  runs: number;
  lastUsedAt: Date;
  /** [bucket start in ms since the epoch, cost] pairs. */
  series: [number, number][];
}

/**
 * Per-model calls, failures, retries, latency percentiles, tokens and cost of a workspace (or one
 * of its flows) over the last `days`, with a cost series per model: one statement, whose CTE of
 * the period's calls is read once for the totals and once for the series. Timestamps are UTC.
 */
export async function modelUsage(
  db: Db,
  options: { workspaceId: string; days: InsightPeriod; flowId?: string; now?: Date },
): Promise<ModelUsageReport> {
  const to = options.now ?? new Date();
  const from = new Date(to.getTime() - options.days * 24 * 60 * 60 * 1000);
  const bucket = options.days === 1 ? "hour" : "day";
  // Stored timestamps are UTC without a zone: compare and truncate in UTC whatever the session's zone.
  const since = Prisma.sql`(${from.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const flowFilter =
    options.flowId === undefined ? Prisma.empty : Prisma.sql`AND r."flowId" = ${options.flowId}`;
  const rows = await db.$queryRaw<Row[]>`
    WITH calls AS MATERIALIZED (
      SELECT n."model", n."status", n."attempts", n."latencyMs", n."inputTokens", n."outputTokens", n."costUsd", n."runId", n."createdAt"
      FROM "run" r
      JOIN "node_result" n ON n."runId" = r."id"
      WHERE r."workspaceId" = ${options.workspaceId}
        AND r."createdAt" >= ${since} - ${RUN_SLACK}
        ${flowFilter}
        AND n."model" IS NOT NULL
        AND n."createdAt" >= ${since}
    ), models AS (
      SELECT "model",
        count(*)::int AS calls,
        (count(*) FILTER (WHERE "status" = 'failed'))::int AS failed,
        coalesce(sum("attempts" - 1) FILTER (WHERE "attempts" > 1), 0)::int AS retries,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs") FILTER (WHERE "status" = 'completed') AS p50,
        percentile_cont(0.95) WITHIN GROUP (ORDER BY "latencyMs") FILTER (WHERE "status" = 'completed') AS p95,
        sum("inputTokens")::float8 AS "inputTokens",
        sum("outputTokens")::float8 AS "outputTokens",
        sum("costUsd")::float8 AS "costUsd",
        count(DISTINCT "runId")::int AS runs,
        max("createdAt") AS "lastUsedAt"
      FROM calls
      GROUP BY "model"
      ORDER BY "costUsd" DESC, calls DESC, "model"
      LIMIT ${MAX_MODELS}
    ), series AS (
      SELECT "model", json_agg(json_build_array(at, cost) ORDER BY at) AS points
      FROM (
        SELECT "model", (extract(epoch FROM date_trunc(${bucket}, "createdAt")) * 1000)::float8 AS at, sum("costUsd")::float8 AS cost
        FROM calls
        WHERE "model" IN (SELECT "model" FROM models)
        GROUP BY 1, 2
      ) buckets
      GROUP BY "model"
    )
    SELECT m.*, coalesce(s.points, '[]'::json) AS series
    FROM models m
    LEFT JOIN series s USING ("model")
    ORDER BY m."costUsd" DESC, m.calls DESC, m."model"`;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    bucket,
    models: rows.map((row) => ({
      model: row.model,
      calls: row.calls,
      failed: row.failed,
      errorRate: row.failed / row.calls,
      retries: row.retries,
      p50LatencyMs: row.p50,
      p95LatencyMs: row.p95,
      inputTokens: row.inputTokens,
      outputTokens: row.outputTokens,
      costUsd: row.costUsd,
      costPerCallUsd: row.costUsd / row.calls,
      runs: row.runs,
      lastUsedAt: row.lastUsedAt.toISOString(),
      series: row.series.map(([at, costUsd]) => ({ at: new Date(at).toISOString(), costUsd })),
    })),
  };
}
