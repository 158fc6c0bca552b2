import type { SimOptions } from "./sim-options";

/** Token counts of one call or a sum of calls. */
export interface TokenUsage {
  input: number;
  output: number;
}

/** Price of a model in USD per million tokens. */
export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
}

/** One LLM call as the engine asks for it. Everything the model sees is in here. */
export interface ModelRequest {
  /** `provider:model`, e.g. `openai:gpt-4o-mini` or `sim:fast`. */
  model: string;
  system?: string;
  prompt: string;
  temperature?: number;
  maxTokens?: number;
  /** Ask for token logprobs (OpenAI-style providers). */
  logprobs?: boolean;
  /** Options of simulated models; ignored by real providers. */
  sim?: SimOptions;
  /** Deterministic seed for this call (run seed + node id + attempt). */
  seed: string;
  /** 1-based attempt number, for simulated failures and logs. */
  attempt: number;
  signal: AbortSignal;
  /** Called with each streamed text delta. */
  onDelta?: (text: string) => void;
}

export interface ModelResult {
  text: string;
  usage: TokenUsage;
  /** The model that actually answered (providers may resolve aliases). */
  model: string;
  /** Log-probabilities of the generated tokens, when asked for and available. */
  tokenLogprobs?: number[];
  /** True when the answer came from the simulated provider. */
  simulated: boolean;
  /** Exact cost if the provider knows it better than the pricing table (e.g. sim overrides). */
  costUsd?: number;
  /** True when the reply stopped at the request's maxTokens (the provider's finish reason "length"). */
  truncated?: boolean;
}

/** What the engine needs to know about a model before calling it. */
export interface ModelInfo {
  /** Price per million tokens; undefined when unknown (cost then counts as 0 and is flagged). */
  price?: ModelPrice;
  /** The most output tokens one call may produce (from the price table): the worst case a budget reserves. */
  maxOutputTokens?: number;
  simulated: boolean;
  /** Why this model cannot be called right now (unknown model, missing key), or undefined. */
  unavailable?: string;
  /** What kind of unavailable: validation treats a missing key as a warning, an unknown model as an error. */
  unavailableReason?: "unknown-model" | "missing-key";
}

/**
 * The engine's only door to LLMs. Hosts (CLI, server, tests) inject an implementation; core never
 * imports an SDK. Implementations throw `ModelError` for every failure.
 */
export interface ModelGateway {
  describe(model: string, sim?: SimOptions): ModelInfo;
  generate(request: ModelRequest): Promise<ModelResult>;
  embed(request: EmbedRequest): Promise<EmbedResult>;
}

export interface EmbedRequest {
  model: string;
  texts: string[];
  signal: AbortSignal;
}

export interface EmbedResult {
  vectors: number[][];
  usage: TokenUsage;
  simulated: boolean;
}
