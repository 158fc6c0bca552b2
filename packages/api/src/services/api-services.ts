import type { RunEvent } from "@switchyard/core";
import type { SqlPool } from "@switchyard/db";
import type { FlowVersions, RunLifecycle } from "@switchyard/runs";
import type { ApiKeyCache } from "../auth/api-key-cache";
import type { AccessChanges } from "./access-changes";
import type { CredentialVault } from "./credential-vault";
import type { RateLimits } from "./rate-limiter";

/** A run's events, persisted ones first, then live ones, each exactly once, in seq order. */
export interface RunEventSource {
  stream(runId: string, afterSeq: number, signal: AbortSignal): AsyncIterable<RunEvent>;
  /** The run's terminal event once it has ended (at once if it has), or undefined if `signal` aborts first. */
  waitForEnd(runId: string, signal: AbortSignal): Promise<RunEvent | undefined>;
}

/** One provider's models for the model picker, with prices (USD per million tokens). */
export interface ModelCatalogGroup {
  provider: string;
  label: string;
  available: boolean;
  /** Why its models can't be called (a missing key), when they can't. */
  unavailable?: string;
  models: {
    id: string;
    kind: "chat" | "embedding";
    price?: { inputPerMTok: number; outputPerMTok: number };
    priceSource?: string;
    simulated: boolean;
    available: boolean;
  }[];
}

/** Provider knowledge the API needs without depending on SDKs (the server implements it). */
export interface ProviderServices {
  /** Models grouped by provider, `available` given these credentials (plus the server's environment). */
  catalog(credentials: Record<string, string>): ModelCatalogGroup[];
  /** Makes a tiny real call with the key; returns the models it unlocks or a readable error. */
  testKey(provider: string, key: string): Promise<{ ok: true; models: string[] } | { ok: false; message: string }>;
  /** Validation's model check: an unknown model is an error, a missing key only a warning. */
  checkModel(model: string): { severity: "error" | "warning"; message: string } | undefined;
  /** Provider names a credential may be stored for. */
  credentialProviders: readonly string[];
}

/** Host capabilities injected into the API; tests pass real implementations against a real database. */
export interface ApiServices {
  /** Creates, cancels and reads runs: the run lifecycle, which owns every change to a run. */
  runs: RunLifecycle;
  /** Plain SQL on the same database, for what every run's start reads (see @switchyard/db's sql.ts). */
  sql: SqlPool;
  /** Saved flow versions, validated and compiled once per process. */
  flowVersions: FlowVersions;
  /** API keys verified and remembered briefly (forgotten at once when their access changes). */
  apiKeys: ApiKeyCache;
  events: RunEventSource;
  vault: CredentialVault;
  providers: ProviderServices;
  /** Example flows offered as "New from template". */
  templates: () => { id: string; name: string; description: string; document: unknown }[];
  /** Tells live streams that someone's access narrowed, across processes. */
  accessChanges: AccessChanges;
  /** Per-user and per-API-key request limits. */
  rateLimits: RateLimits;
}
