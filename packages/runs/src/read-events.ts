import type { RunEvent } from "@switchyard/core";
import type { Db } from "@switchyard/db";

export interface ReadEventsOptions {
  /** Most events returned. */
  limit?: number;
  /**
   * Most payload bytes returned (at least one event is, whatever its size): a reader of a run
   * with long streamed replies pages through it instead of getting one huge answer.
   */
  maxBytes?: number;
}

/** Events of a run after `afterSeq`, in order. */
export async function readRunEvents(db: Db, runId: string, afterSeq: number, options: ReadEventsOptions = {}): Promise<RunEvent[]> {
  const limit = options.limit ?? 1000;
  const rows =
    options.maxBytes === undefined
      ? await db.runEvent.findMany({ where: { runId, seq: { gt: afterSeq } }, select: { payload: true }, orderBy: { seq: "asc" }, take: limit })
      : await db.$queryRaw<{ payload: unknown }[]>`
          SELECT "payload" FROM (
            SELECT "payload", "seq", sum(octet_length("payload"::text)) OVER (ORDER BY "seq") AS "upTo", octet_length("payload"::text) AS "size"
            FROM "run_event" WHERE "runId" = ${runId} AND "seq" > ${afterSeq} ORDER BY "seq" LIMIT ${limit}
          ) page
          WHERE "upTo" - "size" < ${options.maxBytes}
          ORDER BY "seq"`;
  // JSONB does not keep key order; put the common fields first again, as the engine emitted them.
  return rows.map((r) => {
    const { type, runId: id, seq, time, ...rest } = r.payload as RunEvent;
    return { type, runId: id, seq, time, ...rest } as RunEvent;
  });
}

/** Whether the run has ended (its terminal event is stored). */
export async function runHasEnded(db: Db, runId: string): Promise<boolean> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
  return run !== null && (run.status === "completed" || run.status === "failed" || run.status === "cancelled");
}
