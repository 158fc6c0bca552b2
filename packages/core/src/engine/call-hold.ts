import type { ModelInfo } from "../model/model-gateway";
import type { ModelCallOptions } from "../nodes/node-types";
import { conservativeTokens } from "../util/tokens";
import type { Budget } from "./budget";
import { costOf } from "./cost";
import type { Truncation } from "./output-cap";
import type { RunLimits } from "./run-options";

/** Fewer output tokens than this is no answer: a call the budget can't afford that many is refused instead. */
export const MIN_HELD_OUTPUT_TOKENS = 16;

/** What one call attempt is held to, and so what it may cost at most. */
export interface CallHold {
  /** Output tokens the call may produce. */
  maxTokens: number;
  /** Which limit that is: the call's own (maxTokens, the model's maximum, the budget) or the host's ceiling. */
  reason: Truncation;
  /** Whether to send maxTokens to the provider (not for a model whose maximum we don't know: ours alone holds it). */
  send: boolean;
  /** The worst-case cost to reserve: input estimate + `maxTokens` of output. */
  estimateUsd: number;
}

/**
 * The output a call is held to: its maxTokens, else the model's maximum output (price table), and
 * never more than the host's ceiling; when the budget cannot afford that much, what it can afford
 * (at least MIN_HELD_OUTPUT_TOKENS; below that the reservation fails and the run stops).
 */
export function holdCall(options: ModelCallOptions, info: ModelInfo, limits: Required<RunLimits>, budget: Budget): CallHold {
  const own = Math.min(options.maxTokens ?? Infinity, info.maxOutputTokens ?? Infinity);
  let maxTokens = Math.min(own, limits.maxOutputTokens);
  let reason: Truncation = own <= limits.maxOutputTokens ? "max_tokens" : "output_limit";
  let send = own !== Infinity;
  const input = conservativeTokens((options.system ?? "") + options.prompt);
  const price = info.price;
  if (budget.limited && price && price.outputPerMTok > 0) {
    const perToken = price.outputPerMTok / 1_000_000;
    const inputUsd = (input * price.inputPerMTok) / 1_000_000;
    // A hair below the exact quotient, so rounding never makes the reservation itself fail.
    const affordable = Math.floor(((budget.availableUsd - inputUsd) / perToken) * (1 - 1e-9));
    if (affordable < maxTokens && affordable >= MIN_HELD_OUTPUT_TOKENS) {
      maxTokens = affordable;
      reason = "max_tokens";
      send = true;
    }
  }
  return { maxTokens, reason, send, estimateUsd: costOf({ input, output: maxTokens }, price) };
}
