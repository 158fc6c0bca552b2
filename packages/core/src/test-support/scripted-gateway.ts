import { ModelError } from "../model/model-errors";
import type { EmbedRequest, EmbedResult, ModelGateway, ModelInfo, ModelRequest, ModelResult } from "../model/model-gateway";
import type { SimOptions } from "../model/sim-options";
import { estimateTokens } from "../util/tokens";

/** How a scripted model answers one call: text, an error to throw, or a hang. */
export type Script = string | ModelError | "hang" | ((request: ModelRequest) => string | ModelError | "hang");

/**
 * A gateway for core's unit tests: each model answers from a script, with optional latency.
 * (Provider behaviour over real HTTP is tested in packages/providers.)
 */
export class ScriptedGateway implements ModelGateway {
  readonly calls: ModelRequest[] = [];
  constructor(
    private readonly scripts: Record<string, Script | Script[]>,
    private readonly options: { latencyMs?: number; price?: { inputPerMTok: number; outputPerMTok: number } } = {},
  ) {}

  describe(model: string, _sim?: SimOptions): ModelInfo {
    if (!Object.hasOwn(this.scripts, model) && model !== "test:embed") return { simulated: false, unavailable: `unknown model '${model}'` };
    return { simulated: false, price: this.options.price ?? { inputPerMTok: 1, outputPerMTok: 2 } };
  }

  async generate(request: ModelRequest): Promise<ModelResult> {
    this.calls.push(request);
    // Like fetch, a call made with an already-aborted signal fails at once.
    if (request.signal.aborted) throw new ModelError("cancelled", "aborted");
    const entry = this.scripts[request.model];
    const script = Array.isArray(entry) ? entry[Math.min(request.attempt, entry.length) - 1] : entry;
    const outcome = typeof script === "function" ? script(request) : script;
    if (this.options.latencyMs) await delay(this.options.latencyMs, request.signal);
    if (outcome === "hang" || outcome === undefined) {
      await new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(new ModelError("cancelled", "aborted")), { once: true }));
    }
    if (outcome instanceof ModelError) throw outcome;
    const text = String(outcome);
    request.onDelta?.(text);
    return { text, usage: { input: estimateTokens(request.prompt), output: estimateTokens(text) }, model: request.model, simulated: false };
  }

  async embed(request: EmbedRequest): Promise<EmbedResult> {
    const vectors = request.texts.map((t) => {
      const v = new Array(26).fill(0) as number[];
      for (const ch of t.toLowerCase()) if (ch >= "a" && ch <= "z") v[ch.charCodeAt(0) - 97]! += 1;
      return v;
    });
    return { vectors, usage: { input: request.texts.length, output: 0 }, simulated: false };
  }

  callsTo(model: string): ModelRequest[] {
    return this.calls.filter((c) => c.model === model);
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new ModelError("cancelled", "aborted"));
    }, { once: true });
  });
}
