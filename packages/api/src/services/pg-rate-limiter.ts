import sql, { raw } from "sql-template-tag";
import { changed, rows, type SqlClient } from "@switchyard/db";
import type { RateDecision, RateLimiter } from "./rate-limiter";

export interface PgRateLimitStoreOptions {
  /** The clock (ms since the epoch); tests move it by hand. */
  now?: () => number;
  /** Every how many takes in this process one also sweeps expired buckets. */
  sweepEvery?: number;
  /** Most expired buckets one sweep deletes. */
  sweepBatch?: number;
}

interface TakeRow {
  allowed: boolean;
  remaining: number;
  retryAfterMs: number | null;
}

interface CheckRow {
  live: number;
  retryAfterMs: number | null;
}

/**
 * Rate limits shared by every process on one database, in the `rate_limit_bucket` table.
 *
 * The design is an exact sliding-window log: one row per key holding the times of its accepted
 * requests still in the window (at most `limit` of them, since refused requests are not written
 * into it). A fixed-window pair would be one counter cheaper, but it approximates: it lets through
 * more or fewer than `limit` in some windows, and its retry time is a guess. With the limits we run
 * (tens per minute) the log is a few hundred bytes per key, so exactness costs nothing that matters.
 *
 * One `take` is one statement, `INSERT … ON CONFLICT (key) DO UPDATE`: Postgres locks the key's row
 * and evaluates the update against its latest committed version, so concurrent takes for one key
 * from any number of processes queue on that row lock and each sees the hits the previous one
 * wrote. No read-then-write gap, so no more than `limit` get through.
 *
 * Times come from the app's clock, not the database's, so tests can move it (and better-auth's own
 * retry headers agree with it); skew between servers only shifts a window's edge by the skew.
 */
export class PgRateLimitStore {
  private readonly now: () => number;
  private readonly sweepEvery: number;
  private readonly sweepBatch: number;
  private takes = 0;

  constructor(
    private readonly sql: SqlClient,
    options: PgRateLimitStoreOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.sweepEvery = options.sweepEvery ?? 100;
    // Larger than sweepEvery: each take adds at most one row, so sweeping can never fall behind.
    this.sweepBatch = options.sweepBatch ?? 1000;
  }

  /** A limiter of `limit` requests per `windowMs` whose keys live under `name`. */
  limiter(name: string, limit: number, windowMs: number): RateLimiter {
    validate(limit, windowMs);
    return {
      limit,
      windowMs,
      take: (key) => this.take(`${name}:${key}`, limit, windowMs),
      check: (key) => this.check(`${name}:${key}`, limit, windowMs),
      refund: (key) => this.refund(`${name}:${key}`),
    };
  }

  /** Counts one request against `bucket` if it is under `limit` in the last `windowMs`, and decides it. */
  async take(bucket: string, limit: number, windowMs: number): Promise<RateDecision> {
    validate(limit, windowMs);
    const now = this.now();
    // The sweep runs beside the take, in its own statement: it holds no lock while a take waits,
    // so the two can't deadlock. A failed sweep is only garbage left for the next one.
    const sweeping = ++this.takes % this.sweepEvery === 0 ? this.sweep(now).catch(() => 0) : undefined;
    const [row] = await rows<TakeRow>(
      this.sql,
      sql`
      WITH taken AS (
        INSERT INTO "rate_limit_bucket" AS b ("key", "hits", "expiresAt", "allowed")
        VALUES (${bucket}, ARRAY[${now}::bigint], ${now}::bigint + ${windowMs}::bigint, true)
        ON CONFLICT ("key") DO UPDATE SET ("hits", "expiresAt", "allowed") = (
          SELECT CASE WHEN ok THEN live || ${now}::bigint ELSE live END,
                 (CASE WHEN ok THEN greatest(live[cardinality(live)], ${now}::bigint) ELSE live[cardinality(live)] END) + ${windowMs}::bigint,
                 ok
          FROM (
            SELECT live, cardinality(live) < ${limit}::int AS ok
            FROM (SELECT ARRAY(SELECT h FROM unnest(b."hits") AS h WHERE h > ${now}::bigint - ${windowMs}::bigint ORDER BY h) AS live) AS pruned
          ) AS decided
        )
        RETURNING b."hits", b."allowed"
      )
      SELECT "allowed",
        (${limit}::int - cardinality("hits"))::int AS "remaining",
        ${retryAfterSql("hits", now, limit, windowMs)} AS "retryAfterMs"
      FROM taken`,
    );
    await sweeping;
    if (!row) throw new Error("rate limit: the take statement returned no row");
    return row.allowed ? { ok: true, remaining: row.remaining } : { ok: false, retryAfterMs: clampWait(row.retryAfterMs, windowMs) };
  }

  /** Decides one more request against `bucket` without counting it. */
  async check(bucket: string, limit: number, windowMs: number): Promise<RateDecision> {
    validate(limit, windowMs);
    const now = this.now();
    const [row] = await rows<CheckRow>(
      this.sql,
      sql`
      SELECT cardinality(live)::int AS "live", ${retryAfterSql("live", now, limit, windowMs)} AS "retryAfterMs"
      FROM "rate_limit_bucket" AS b,
        LATERAL (SELECT ARRAY(SELECT h FROM unnest(b."hits") AS h WHERE h > ${now}::bigint - ${windowMs}::bigint ORDER BY h) AS live) AS pruned
      WHERE b."key" = ${bucket}`,
    );
    const live = row?.live ?? 0;
    if (live < limit) return { ok: true, remaining: limit - live - 1 };
    return { ok: false, retryAfterMs: clampWait(row?.retryAfterMs ?? null, windowMs) };
  }

  /** Removes the newest hit of `bucket` (hits are appended in time order); nothing when it has none. */
  async refund(bucket: string): Promise<void> {
    await changed(
      this.sql,
      sql`UPDATE "rate_limit_bucket" SET "hits" = "hits"[1:cardinality("hits") - 1]
      WHERE "key" = ${bucket} AND cardinality("hits") > 0`,
    );
  }

  /**
   * Deletes buckets whose every hit has left its window (a key's next take would start afresh
   * anyway). SKIP LOCKED: a bucket in use by a take is skipped, never waited for. Returns how many.
   */
  async sweep(now = this.now()): Promise<number> {
    return changed(
      this.sql,
      sql`DELETE FROM "rate_limit_bucket" WHERE "key" IN (
        SELECT "key" FROM "rate_limit_bucket" WHERE "expiresAt" <= ${now}::bigint
        LIMIT ${this.sweepBatch}::int FOR UPDATE SKIP LOCKED
      )`,
    );
  }
}

/**
 * When there is room again, given `hits` (the sorted hits in the window, at least `limit` of
 * them): once the oldest hits beyond `limit - 1` have left. Null while there is room already.
 */
function retryAfterSql(hits: "hits" | "live", now: number, limit: number, windowMs: number) {
  const column = raw(`"${hits}"`);
  return sql`(CASE WHEN cardinality(${column}) >= ${limit}::int
    THEN ${column}[cardinality(${column}) - ${limit}::int + 1] + ${windowMs}::bigint - ${now}::bigint END)::float8`;
}

function clampWait(ms: number | null, windowMs: number): number {
  // Another server's clock a little ahead can put a hit in our future; never ask for more than a window.
  return Math.min(windowMs, Math.max(1, Math.ceil(ms ?? windowMs)));
}

function validate(limit: number, windowMs: number): void {
  if (!(Number.isInteger(limit) && limit >= 1) || !(Number.isInteger(windowMs) && windowMs > 0)) throw new Error("a rate limit needs limit ≥ 1 and a positive window");
}
