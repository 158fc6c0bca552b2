import type { Db } from "@switchyard/db";

/**
 * The runs created since `since`: did every request get exactly one run (`expected`), did each
 * finish, and is each one's event log every seq exactly once with one terminal event?
 */
export async function checkRuns(db: Db, since: Date, expected: number) {
  const [row] = await db.$queryRaw<{ runs: number; unfinished: number; badSequences: number }[]>`
    WITH r AS (SELECT "id", "status" FROM "run" WHERE "createdAt" >= ${since}),
    e AS (
      SELECT ev."runId", count(*) AS n, count(DISTINCT ev."seq") AS distinct_seqs, max(ev."seq") AS last,
        count(*) FILTER (WHERE ev."type" IN ('run.completed', 'run.failed', 'run.cancelled')) AS terminals
      FROM "run_event" ev JOIN r ON r."id" = ev."runId" GROUP BY ev."runId")
    SELECT (SELECT count(*) FROM r)::int AS runs,
      (SELECT count(*) FROM r WHERE "status" <> 'completed')::int AS unfinished,
      (SELECT count(*) FROM e WHERE n <> distinct_seqs OR n <> last OR terminals <> 1)::int AS "badSequences"`;
  const runs = row?.runs ?? 0;
  // Runs still finishing when the load stopped were started but their answers not counted.
  return { runs, expected, lost: Math.max(0, expected - runs), unfinished: row?.unfinished ?? 0, badSequences: row?.badSequences ?? 0 };
}
