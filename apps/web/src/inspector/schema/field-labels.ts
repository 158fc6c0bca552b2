/**
 * Labels and one-line help for fields whose names don't explain themselves. Core's schemas carry
 * no descriptions, so the form would otherwise only show raw keys.
 */
const HINTS: Record<string, { label?: string; help?: string }> = {
  prompt: { help: "Type {{ to reference inputs and other nodes' outputs." },
  system: { label: "System prompt" },
  timeoutMs: { label: "Timeout (ms)" },
  maxTokens: { label: "Max tokens" },
  baseDelayMs: { label: "Base delay (ms)" },
  maxDelayMs: { label: "Max delay (ms)" },
  maxAttempts: { label: "Max attempts", help: "Retries 429, 5xx, network errors and timeouts only." },
  latencyMs: { label: "Latency (ms)", help: "Time to first token." },
  tokensPerSecond: { label: "Tokens / second" },
  failFirst: { label: "Fail first N attempts" },
  failWith: { label: "Fail with" },
  alwaysFail: { label: "Always fail" },
  pricePerMTok: { label: "Price per MTok (USD)" },
  retryAfterSeconds: { label: "Retry-After (s)" },
  logprobQuantile: { label: "Logprob quantile", help: "Which low quantile of token probabilities counts as confidence." },
  confidence: { help: "Where the confidence gates and low-confidence fallbacks read comes from." },
  sim: { label: "Simulation (sim:* models)" },
  reply: { help: "One reply per line; with several, the run seed picks one." },
  quorum: { help: "Answers needed; a majority of the branches when empty." },
  judgeModel: { label: "Judge model" },
  judgePrompt: { label: "Judge prompt", help: "{{answers}} is replaced by the numbered answers." },
  threshold: { help: "Pass when confidence ≥ threshold, escalate otherwise." },
  source: { label: "Confidence source", help: "Empty: the upstream node's confidence. Or e.g. {{nodes.vote.agreement}}." },
  default: { label: "Default route" },
  embeddingModel: { label: "Embedding model" },
  minSimilarity: { label: "Min similarity" },
  keywords: { help: "One per line; /regex/flags allowed." },
  examples: { help: "One example utterance per line." },
  saveOutput: { label: "Save output" },
  text: { help: "Empty: the incoming values." },
};

export function fieldLabel(key: string): string {
  return HINTS[key]?.label ?? humanize(key);
}

export function fieldHelp(key: string): string | undefined {
  return HINTS[key]?.help;
}

/** `maxTokens` → `Max tokens`. */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
