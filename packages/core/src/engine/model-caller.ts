import { ModelError } from "../model/model-errors";
import type { ModelGateway, ModelInfo, TokenUsage } from "../model/model-gateway";
import type { SimOptions } from "../model/sim-options";
import type { ModelCallOptions, ModelCallResult } from "../nodes/node-types";
import type { RunEvent, RunEventMap } from "../events/run-events";
import { storableText } from "../util/storable-text";
import { seededRandom } from "../util/rng";
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from "./retry";
import { costOf } from "./cost";
import type { Budget } from "./budget";
import type { Semaphore } from "./semaphore";
import { sleep } from "./sleep";
import { attemptCall } from "./attempt-call";
import { holdCall } from "./call-hold";
import type { Truncation } from "./output-cap";
import type { RunLimits } from "./run-options";

export interface RunServices {
  gateway: ModelGateway;
  /** Controllers of the calls in flight; the executor aborts them all when the run stops. */
  inFlight: Set<AbortController>;
  /** `describe` results per model id (and per sim options object), for the run's lifetime. */
  described: Map<string, ModelInfo>;
  describedSim: WeakMap<SimOptions, Map<string, ModelInfo>>;
  budget: Budget;
  limits: Required<RunLimits>;
  semaphore?: Semaphore;
  signal: AbortSignal;
  seed: number;
  emitNode<T extends keyof RunEventMap>(type: T, nodeId: string, payload: RunEventMap[T]): RunEvent;
}

/** What a node's calls added up to: the engine reports it on the node's completed/failed event. */
export interface CallTally {
  usage: TokenUsage;
  costUsd: number;
  attempts: number;
  /** The model that answered, or else the one whose call failed the node. */
  model?: string;
  simulated?: boolean;
  calls: number;
  /** Characters of model text the database cannot store, replaced with U+FFFD. */
  replacedChars: number;
  /** Why a reply was cut short, if one was. */
  truncated?: Truncation;
}

export function newTally(): CallTally {
  return { usage: { input: 0, output: 0 }, costUsd: 0, attempts: 0, calls: 0, replacedChars: 0 };
}

/**
 * One model call with the engine's policy: a budget reservation of its worst case (the output it is
 * held to, see holdCall), per-attempt timeout, retries with backoff on retryable errors only
 * (honouring Retry-After), deltas as events, cost from the pricing table.
 */
export async function callModel(services: RunServices, nodeId: string, tally: CallTally, options: ModelCallOptions): Promise<ModelCallResult> {
  const { budget, signal } = services;
  const info = describeCached(services, options.model, options.sim);
  if (info.unavailable) throw new ModelError("unavailable", info.unavailable);
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const callIndex = tally.calls++;
  const seedBase = `${services.seed}:${nodeId}${callIndex > 0 ? `#${callIndex}` : ""}`;
  let random: (() => number) | undefined; // only a retry needs jitter
  for (let attempt = 1; ; attempt++) {
    if (signal.aborted) throw new ModelError("cancelled", "run cancelled");
    // Per attempt: what the budget can still afford changes while other branches spend.
    const hold = holdCall(options, info, services.limits, budget);
    budget.reserve(nodeId, hold.estimateUsd);
    tally.attempts++;
    let outcome: Awaited<ReturnType<typeof attemptCall>>;
    try {
      outcome = await attemptCall(services, nodeId, options, info, hold, attempt, `${seedBase}:${attempt}`);
    } catch (error) {
      budget.release(hold.estimateUsd);
      const failure = storableError(error instanceof ModelError ? error : new ModelError("unknown", (error as Error).message ?? String(error)));
      if (!failure.retryable || attempt >= policy.maxAttempts || signal.aborted) {
        // The model failed the node (a cancelled run is nobody's error): per-model error rates count it.
        if (failure.code !== "cancelled") tally.model ??= options.model;
        throw failure;
      }
      random ??= seededRandom(`${seedBase}:jitter`);
      const delayMs = retryDelay(policy, attempt, random, failure.retryAfterMs);
      services.emitNode("node.retry", nodeId, {
        attempt,
        maxAttempts: policy.maxAttempts,
        delayMs,
        error: { code: failure.code, message: failure.message, ...(failure.status ? { status: failure.status } : {}) },
      });
      await sleep(delayMs, signal);
      continue;
    }
    budget.release(hold.estimateUsd);
    const { result, truncated } = outcome;
    const costUsd = result.costUsd ?? costOf(result.usage, info.price);
    budget.record(costUsd);
    tally.usage = { input: tally.usage.input + result.usage.input, output: tally.usage.output + result.usage.output };
    tally.costUsd += costUsd;
    if (truncated) tally.truncated = truncated;
    // Provider text becomes storable here, at the boundary: Postgres refuses U+0000 and unpaired surrogates.
    const text = storableText(result.text);
    const model = storableText(result.model).text;
    tally.replacedChars += text.replaced;
    tally.model ??= model;
    tally.simulated = (tally.simulated ?? true) && result.simulated;
    return {
      text: text.text,
      usage: result.usage,
      model,
      simulated: result.simulated,
      ...(result.tokenLogprobs ? { tokenLogprobs: result.tokenLogprobs } : {}),
    };
  }
}

/** `describe` once per model (and sim options) per run: it is on every call's path. */
export function describeCached(services: RunServices, model: string, sim: SimOptions | undefined): ModelInfo {
  const cache = sim === undefined ? services.described : (services.describedSim.get(sim) ?? new Map<string, ModelInfo>());
  if (sim !== undefined) services.describedSim.set(sim, cache);
  let info = cache.get(model);
  if (!info) {
    info = services.gateway.describe(model, sim);
    cache.set(model, info);
  }
  return info;
}

/** The error with a storable message: providers' messages can quote their response bodies. */
function storableError(error: ModelError): ModelError {
  const message = storableText(error.message);
  if (message.replaced === 0) return error;
  return new ModelError(error.code, message.text, { status: error.status, retryAfterMs: error.retryAfterMs, cause: error });
}
