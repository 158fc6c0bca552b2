import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isTerminalEvent, type RunEvent } from "@switchyard/core";
import type { Db, SqlClient, SqlPool } from "@switchyard/db";
import type { Sql } from "sql-template-tag";
import type pg from "pg";
import { FlowVersions, readEndEvent, readRunEvents, runHasEnded, RunLifecycle, type RunDispatch } from "@switchyard/runs";
import { ApiKeyCache } from "../../src/auth/api-key-cache";
import type {
  ApiServices,
  ModelCatalogGroup,
  ProviderServices,
  RunEventSource,
} from "../../src/services/api-services";
import { CredentialVault } from "../../src/services/credential-vault";
import { inProcessAccessChanges } from "../../src/services/access-changes";
import { defaultRateLimits } from "../../src/services/rate-limiter";
import { PgRateLimitStore } from "../../src/services/pg-rate-limiter";

/** The repository's example flows, offered as templates just as the server does. */
export const EXAMPLES_DIR = path.resolve(import.meta.dirname, "../../../../examples");

/**
 * Records what the run lifecycle hands to workers. The worker that would take jobs off the queue
 * is not under test here (the server's tests run the real pg-boss), so a record of the hand-off is
 * the whole contract; `failNext` makes the next job fail to queue, inside the run's transaction.
 */
export class RecordingDispatch implements RunDispatch {
  readonly enqueued: string[] = [];
  readonly cancelRequests: string[] = [];
  failNext = false;

  async send(_tx: pg.PoolClient, runId: string): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error("connection refused (test queue)");
    }
    this.enqueued.push(runId);
  }

  /** As pg-boss's hook does, but the "job" is a row of nothing: the run is recorded, its hand-off noted. */
  async sendWith(client: SqlClient, runId: string, record: Sql): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error("connection refused (test queue)");
    }
    await client.query(`WITH job AS (SELECT 1) ${record.text}`, record.values);
    this.enqueued.push(runId);
  }

  async abort(runIds: readonly string[]): Promise<void> {
    this.cancelRequests.push(...runIds);
  }
}

/** Persisted events by polling the real event table (the server LISTENs; polling is the same read). */
export function pollingEventSource(sql: SqlPool, pollMs = 20): RunEventSource {
  return {
    async *stream(runId: string, afterSeq: number, signal: AbortSignal): AsyncIterable<RunEvent> {
      let last = afterSeq;
      while (!signal.aborted) {
        const events = await readRunEvents(sql, runId, last);
        for (const event of events) {
          last = event.seq;
          yield event;
          if (isTerminalEvent(event)) return;
        }
        if (events.length > 0) continue;
        // As the server's source does: a run that ended before the reader's last event has no more.
        if ((await runHasEnded(sql, runId)) && (await readRunEvents(sql, runId, last, { limit: 1 })).length === 0) return;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
    async waitForEnd(runId: string, signal: AbortSignal): Promise<RunEvent | undefined> {
      while (!signal.aborted) {
        const end = await readEndEvent(sql, runId);
        if (end) return end;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
      return undefined;
    },
  };
}

/** Keys the test provider accepts. */
export const GOOD_KEY = "good-key";

/** Two simulated models, an OpenAI group that needs a key, and "acme" as a provider that does not exist. */
export const testProviders: ProviderServices = {
  credentialProviders: ["openai", "anthropic"],
  catalog(credentials): ModelCatalogGroup[] {
    const sim = (id: string, input: number, output: number) => ({
      id,
      kind: "chat" as const,
      price: { inputPerMTok: input, outputPerMTok: output },
      priceSource: "simulated",
      simulated: true,
      available: true,
    });
    const openai = Boolean(credentials["openai"]);
    return [
      {
        provider: "sim",
        label: "Simulated",
        available: true,
        models: [sim("sim:fast", 0.1, 0.4), sim("sim:strong", 3, 15)],
      },
      {
        provider: "openai",
        label: "OpenAI",
        available: openai,
        ...(openai ? {} : { unavailable: "No OpenAI key is stored for this workspace." }),
        models: [{ id: "openai:gpt-4o-mini", kind: "chat", simulated: false, available: openai }],
      },
    ];
  },
  checkModel(model) {
    const provider = model.split(":")[0];
    if (provider === "acme")
      return { severity: "error", message: `unknown model provider 'acme' in '${model}'` };
    if (provider === "openai")
      return { severity: "warning", message: `no OpenAI key is configured for '${model}'` };
    return undefined;
  },
  async testKey(provider, key) {
    if (key === GOOD_KEY)
      return { ok: true, models: provider === "openai" ? ["openai:gpt-4o-mini"] : [] };
    return { ok: false, message: `The ${provider} API rejected this key (401 Unauthorized).` };
  },
};

function exampleTemplates() {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const document = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), "utf8")) as {
        name: string;
        description?: string;
      };
      return {
        id: file.replace(/\.json$/, ""),
        name: document.name,
        description: document.description ?? "",
        document,
      };
    });
}

export interface TestServices {
  services: ApiServices;
  queue: RecordingDispatch;
  vault: CredentialVault;
}

/** Real services for router tests: a fresh vault key per call, the real event table, a recording queue. */
export function createTestServices(db: Db, sql: SqlPool): TestServices {
  const queue = new RecordingDispatch();
  const vault = new CredentialVault(randomBytes(32));
  const accessChanges = inProcessAccessChanges();
  const services: ApiServices = {
    runs: new RunLifecycle({ sql, dispatch: queue }),
    sql,
    flowVersions: new FlowVersions(sql, { checkModel: (model) => testProviders.checkModel(model) }),
    apiKeys: new ApiKeyCache(db, accessChanges),
    events: pollingEventSource(sql),
    vault,
    providers: testProviders,
    templates: exampleTemplates,
    accessChanges,
    // Roomy, so router tests never meet them; rate-limit tests pass tight ones of their own.
    rateLimits: defaultRateLimits(new PgRateLimitStore(sql), {
      runStartPerMinute: 10_000,
      restPerMinute: 10_000,
    }),
  };
  return { services, queue, vault };
}
