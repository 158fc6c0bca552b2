import { ModelError } from "../model/model-errors";
import type { ModelInfo, ModelRequest, ModelResult } from "../model/model-gateway";
import type { ModelCallOptions } from "../nodes/node-types";
import { StorableTextStream } from "../util/storable-text";
import { conservativeTokens } from "../util/tokens";
import type { CallHold } from "./call-hold";
import type { RunServices } from "./model-caller";
import { OutputCap, type Truncation } from "./output-cap";

/** Why the engine aborted an attempt itself: its reply reached the output it was held to. */
const CAPPED = new ModelError("cancelled", "the reply reached the output this call is held to");

/**
 * One attempt of a model call: a concurrency slot, its own timeout and abort controller, deltas
 * made storable and passed on as events, and the engine's own cap on the reply (see OutputCap):
 * when a reply reaches it the attempt is stopped and what came so far is the answer.
 */
export async function attemptCall(
  services: RunServices,
  nodeId: string,
  options: ModelCallOptions,
  info: ModelInfo,
  hold: CallHold,
  attempt: number,
  seed: string,
): Promise<{ result: ModelResult; truncated?: Truncation }> {
  const { gateway, signal, semaphore } = services;
  if (semaphore) await semaphore.acquire();
  // One controller per attempt: the timeout aborts this attempt only; a run stop aborts them all.
  const controller = new AbortController();
  services.inFlight.add(controller);
  if (signal.aborted) controller.abort();
  let timedOut = false;
  const timeoutMs = options.timeoutMs;
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
  // Built field by field: this runs once per model call and conditional spreads allocate.
  const request: ModelRequest = { model: options.model, prompt: options.prompt, seed, attempt, signal: controller.signal };
  if (options.system !== undefined) request.system = options.system;
  if (options.temperature !== undefined) request.temperature = options.temperature;
  if (hold.send) request.maxTokens = hold.maxTokens;
  if (options.logprobs) request.logprobs = true;
  if (options.sim !== undefined) request.sim = options.sim;
  // Under a budget our own count is the promise, so it stays strict; otherwise a provider told
  // maxTokens stops itself and our cap is only its backstop.
  const providerHolds = hold.send && !info.simulated && !services.budget.limited;
  const cap = new OutputCap(hold.maxTokens, hold.reason, services.limits.maxOutputChars, providerHolds);
  // Per attempt: a retry starts a new stream, and a surrogate pair may be split across two deltas.
  const deltas = new StorableTextStream();
  const emit = (text: string) => {
    if (options.stream && text !== "") services.emitNode("node.delta", nodeId, { text, attempt });
  };
  // Every call streams into the cap (only the node's main call emits deltas as events).
  request.onDelta = (text: string) => {
    emit(deltas.push(cap.take(text)));
    if (cap.stopped) controller.abort(CAPPED);
  };
  try {
    // Cancelled while waiting for a concurrency slot: don't send a call that can only be thrown away.
    if (signal.aborted) throw new ModelError("cancelled", "run cancelled");
    const result = await gateway.generate(request);
    if (!cap.streamed) cap.take(result.text); // a gateway that answered without streaming
    emit(deltas.end());
    if (cap.stopped) return { result: { ...result, text: cap.text }, truncated: cap.stopped };
    return result.truncated ? { result, truncated: hold.reason } : { result };
  } catch (error) {
    if (signal.aborted) throw new ModelError("cancelled", "run cancelled");
    if (cap.stopped) {
      emit(deltas.end());
      return { result: cappedResult(options, info, cap), truncated: cap.stopped };
    }
    if (timedOut) throw new ModelError("timeout", `${options.model} did not answer within ${timeoutMs} ms`);
    throw error;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    services.inFlight.delete(controller);
    semaphore?.release();
  }
}

/** The answer of an attempt we stopped: the text kept, and usage counted as the cap and the budget count it. */
function cappedResult(options: ModelCallOptions, info: ModelInfo, cap: OutputCap): ModelResult {
  const usage = { input: conservativeTokens((options.system ?? "") + options.prompt), output: cap.tokens };
  return { text: cap.text, usage, model: options.model, simulated: info.simulated };
}
