import type { Attributes } from "@opentelemetry/api";
import type { RunError, TokenUsage } from "@switchyard/core";

/**
 * Attribute names. OpenInference's (what Phoenix and Langfuse read) and OpenTelemetry's GenAI
 * ones are written out: the semantic-conventions package keeps gen_ai.* in its unstable entry.
 */
export const ATTR = {
  spanKind: "openinference.span.kind",
  inputValue: "input.value",
  inputMime: "input.mime_type",
  outputValue: "output.value",
  outputMime: "output.mime_type",
  modelName: "llm.model_name",
  provider: "llm.provider",
  promptTokens: "llm.token_count.prompt",
  completionTokens: "llm.token_count.completion",
  totalTokens: "llm.token_count.total",
  costTotal: "llm.cost.total",
  genAiSystem: "gen_ai.system",
  genAiProvider: "gen_ai.provider.name",
  genAiOperation: "gen_ai.operation.name",
  genAiRequestModel: "gen_ai.request.model",
  genAiResponseModel: "gen_ai.response.model",
  genAiInputTokens: "gen_ai.usage.input_tokens",
  genAiOutputTokens: "gen_ai.usage.output_tokens",
  errorType: "error.type",
  runId: "switchyard.run.id",
  runStatus: "switchyard.run.status",
  runResumed: "switchyard.run.resumed",
  cancelReason: "switchyard.run.cancel_reason",
  runCostUsd: "switchyard.run.cost_usd",
  runInputTokens: "switchyard.run.tokens.input",
  runOutputTokens: "switchyard.run.tokens.output",
  runLatencyMs: "switchyard.run.latency_ms",
  budgetUsd: "switchyard.run.budget_usd",
  flowName: "switchyard.flow.name",
  seed: "switchyard.seed",
  nodeId: "switchyard.node.id",
  nodeType: "switchyard.node.type",
  nodeStatus: "switchyard.node.status",
  skipReason: "switchyard.node.skip_reason",
  latencyMs: "switchyard.node.latency_ms",
  attempts: "switchyard.node.attempts",
  confidence: "switchyard.node.confidence",
  model: "switchyard.model",
  simulated: "switchyard.model.simulated",
  attempt: "switchyard.attempt",
  retryDelayMs: "switchyard.retry.delay_ms",
  errorCode: "switchyard.error.code",
  errorMessage: "switchyard.error.message",
  errorStatus: "switchyard.error.status",
  fallbackTo: "switchyard.fallback.to",
  fallbackReason: "switchyard.fallback.reason",
  fallbackFrom: "switchyard.fallback.from",
  fallbackFromReason: "switchyard.fallback.from_reason",
  voteAgreement: "switchyard.vote.agreement",
  voteCount: "switchyard.vote.votes",
  voteFailed: "switchyard.vote.failed",
  gateDecision: "switchyard.gate.decision",
  gateThreshold: "switchyard.gate.threshold",
  gateReason: "switchyard.gate.reason",
  routerRoute: "switchyard.router.route",
  routerReason: "switchyard.router.reason",
} as const;

/** How much of one input or output goes on a span. */
export const CONTENT_LIMIT = 4096;
const TRUNCATED = "…[truncated]";

/** OpenInference span kind per node type; a model node is one LLM call. */
export function spanKindOf(nodeType: string): string {
  if (nodeType === "model") return "LLM";
  if (nodeType === "gate") return "GUARDRAIL";
  return "CHAIN";
}

/** `openai:gpt-4o-mini` → provider `openai`, name `gpt-4o-mini`. */
export function splitModelId(model: string): { provider: string; name: string } {
  const colon = model.indexOf(":");
  return colon > 0 ? { provider: model.slice(0, colon), name: model.slice(colon + 1) } : { provider: "unknown", name: model };
}

/** The model a call asked for and the one that answered, as both conventions name them. */
export function modelAttributes(answered: string, requested: string | undefined, simulated: boolean | undefined): Attributes {
  const response = splitModelId(answered);
  const request = splitModelId(requested ?? answered);
  return {
    [ATTR.model]: answered,
    [ATTR.modelName]: response.name,
    [ATTR.provider]: response.provider,
    [ATTR.genAiSystem]: response.provider,
    [ATTR.genAiProvider]: response.provider,
    [ATTR.genAiOperation]: "chat",
    [ATTR.genAiRequestModel]: request.name,
    [ATTR.genAiResponseModel]: response.name,
    ...(simulated !== undefined ? { [ATTR.simulated]: simulated } : {}),
  };
}

/** Token counts and cost: put on exactly one span per call, so trace totals don't count twice. */
export function usageAttributes(usage: TokenUsage, costUsd: number): Attributes {
  return {
    [ATTR.promptTokens]: usage.input,
    [ATTR.completionTokens]: usage.output,
    [ATTR.totalTokens]: usage.input + usage.output,
    [ATTR.genAiInputTokens]: usage.input,
    [ATTR.genAiOutputTokens]: usage.output,
    [ATTR.costTotal]: costUsd,
  };
}

export function errorAttributes(error: RunError): Attributes {
  return {
    [ATTR.errorType]: error.code,
    [ATTR.errorCode]: error.code,
    [ATTR.errorMessage]: error.message,
    ...(error.status !== undefined ? { [ATTR.errorStatus]: error.status } : {}),
  };
}

/** What a settled vote, gate or router decided, from its output record (numbers and names only). */
export function decisionAttributes(nodeType: string, output: Record<string, unknown>, content: boolean): Attributes {
  const attributes: Attributes = {};
  if (nodeType === "vote") {
    if (typeof output.agreement === "number") attributes[ATTR.voteAgreement] = output.agreement;
    if (Array.isArray(output.votes)) attributes[ATTR.voteCount] = output.votes.length;
    if (Array.isArray(output.failed)) attributes[ATTR.voteFailed] = output.failed.length;
  } else if (nodeType === "gate") {
    if (typeof output.decision === "string") attributes[ATTR.gateDecision] = output.decision;
    if (typeof output.threshold === "number") attributes[ATTR.gateThreshold] = output.threshold;
    if (typeof output.reason === "string") attributes[ATTR.gateReason] = output.reason;
  } else if (nodeType === "router") {
    if (typeof output.route === "string") attributes[ATTR.routerRoute] = output.route;
    // A classifier's reason quotes the model's answer: content.
    if (content && typeof output.reason === "string") attributes[ATTR.routerReason] = output.reason;
  }
  return attributes;
}

/** `input.value` / `output.value` with their MIME type, cut to CONTENT_LIMIT characters. */
export function contentAttributes(which: "input" | "output", value: unknown): Attributes {
  if (value === undefined) return {};
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text === undefined) return {};
  const shown = truncate(text);
  // Cut JSON no longer parses: call it text.
  const json = typeof value !== "string" && shown === text;
  return {
    [which === "input" ? ATTR.inputValue : ATTR.outputValue]: shown,
    [which === "input" ? ATTR.inputMime : ATTR.outputMime]: json ? "application/json" : "text/plain",
  };
}

export function truncate(text: string): string {
  return text.length <= CONTENT_LIMIT ? text : text.slice(0, CONTENT_LIMIT - TRUNCATED.length) + TRUNCATED;
}
