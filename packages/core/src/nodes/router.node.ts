import { z } from "zod";
import { problem, type ValidationProblem } from "../validation/problems";
import { helperModelSchema, modelIdSchema, templateSchema } from "./shared/schemas";
import { findWord, KeywordText, keywordProblem } from "./shared/keywords";
import { TimeSlices } from "../util/time-slices";
import { cosineSimilarity } from "./shared/similarity";
import { defineNode, type FlowView, type NodeContext } from "./node-types";
import { stringifyValue } from "../flow/template";

const routeSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "route names use letters, digits, '-' or '_'").max(64),
    /** Whole words (any case) or `/regex/flags` (RE2: no backreferences or lookaround) that select this route. */
    keywords: z.array(z.string().min(1).max(500)).max(200).optional(),
    /** Example utterances, for embedding similarity. */
    examples: z.array(z.string().min(1).max(5000)).max(200).optional(),
    /** What belongs on this route, for the LLM classifier. */
    description: z.string().max(2000).optional(),
  })
  .strict();

export const routerData = z
  .object({
    strategy: z.enum(["keyword", "classifier", "embedding"]).default("keyword"),
    routes: z.array(routeSchema).min(1).max(50),
    /** The route taken when nothing matches. */
    default: z.string(),
    /** Text to route; the incoming value when absent. */
    text: templateSchema.optional(),
    /** Classifier model (strategy `classifier`). */
    model: modelIdSchema.optional(),
    /** Embedding model (strategy `embedding`), e.g. `sim:embed` or `openai:text-embedding-3-small`. */
    embeddingModel: modelIdSchema.optional(),
    /** Below this similarity the default route is taken. */
    minSimilarity: z.number().min(-1).max(1).default(0.2),
    ...helperModelSchema,
  })
  .strict();

type RouterData = z.output<typeof routerData>;

/** Specialist routing: one output port per route; the routes not taken are skipped downstream. */
export const routerNode = defineNode({
  type: "router",
  label: "Router",
  description: "Sends its input down one route, chosen by keywords, an LLM classifier or embedding similarity.",
  category: "control",
  data: routerData,
  defaults: { strategy: "keyword", routes: [{ name: "code", keywords: ["code", "bug"] }, { name: "general" }], default: "general" },
  inputs: "one",
  outputPorts: (data) => data.routes.map((r) => r.name),
  fields: ["value", "text", "route", "scores", "reason"],
  canFail: true,
  templates: (data) => (data.text === undefined ? [] : [data.text]),
  models: (data) => [data.model, data.embeddingModel].filter((m): m is string => m !== undefined),
  validate: validateRouter,
  async execute(ctx) {
    const text = ctx.data.text !== undefined ? ctx.render(ctx.data.text) : stringifyValue(ctx.inputs[0]?.value);
    const decision = await chooseRoute(ctx, text);
    return {
      value: ctx.inputs[0]?.value ?? text,
      port: decision.route,
      fields: { route: decision.route, reason: decision.reason, ...(decision.scores ? { scores: decision.scores } : {}) },
    };
  },
});

interface RouteDecision {
  route: string;
  reason: string;
  scores?: Record<string, number>;
}

async function chooseRoute(ctx: NodeContext<RouterData>, text: string): Promise<RouteDecision> {
  const { data } = ctx;
  if (data.strategy === "keyword") {
    const target = new KeywordText(text, ctx.patterns);
    // Thousands of keywords against a long text are seconds of work: let the event loop breathe.
    const slices = new TimeSlices();
    for (const route of data.routes) {
      for (const keyword of route.keywords ?? []) {
        await slices.next();
        if (target.matches(keyword)) return { route: route.name, reason: `matched keyword ${keyword}` };
      }
    }
    return { route: data.default, reason: "no keyword matched; default route" };
  }
  if (data.strategy === "classifier") return classify(ctx, text);
  return byEmbedding(ctx, text);
}

async function classify(ctx: NodeContext<RouterData>, text: string): Promise<RouteDecision> {
  const { data } = ctx;
  const options = data.routes.map((r) => `- ${r.name}${r.description ? `: ${r.description}` : ""}`).join("\n");
  const result = await ctx.callModel({
    model: data.model ?? "",
    system: "You are a router. Reply with exactly one route name from the list and nothing else.",
    prompt: `Routes:\n${options}\n\nMessage:\n${text}\n\nRoute name:`,
    temperature: data.temperature ?? 0,
    maxTokens: 20,
    timeoutMs: data.timeoutMs,
  });
  const reply = result.text.toLowerCase();
  const hit = data.routes
    .map((r) => ({ name: r.name, at: findWord(reply, r.name.toLowerCase()) }))
    .filter((r) => r.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  return hit
    ? { route: hit.name, reason: `classifier answered "${result.text.trim().slice(0, 80)}"` }
    : { route: data.default, reason: `classifier answered "${result.text.trim().slice(0, 80)}", not a route; default route` };
}

async function byEmbedding(ctx: NodeContext<RouterData>, text: string): Promise<RouteDecision> {
  const { data } = ctx;
  const examples = data.routes.flatMap((r) => (r.examples ?? []).map((example) => ({ route: r.name, example })));
  const vectors = await ctx.embed(data.embeddingModel ?? "", [text, ...examples.map((e) => e.example)]);
  const [query, ...rest] = vectors;
  const scores: Record<string, number> = {};
  examples.forEach((e, i) => {
    const score = cosineSimilarity(query ?? [], rest[i] ?? []);
    scores[e.route] = Math.max(scores[e.route] ?? -1, score);
  });
  const best = Object.entries(scores).sort((a, b) => b[1] - a[1])[0];
  if (!best || best[1] < data.minSimilarity) {
    return { route: data.default, reason: `best similarity below ${data.minSimilarity}; default route`, scores };
  }
  return { route: best[0], reason: `most similar examples (${best[1].toFixed(2)})`, scores };
}

function validateRouter(nodeId: string, data: RouterData, flow: FlowView): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const names = data.routes.map((r) => r.name);
  const wired = new Set(flow.outgoing(nodeId).filter((e) => e.kind === "data").map((e) => e.sourceHandle));
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) problems.push(problem("duplicate-route", `router '${nodeId}' has route '${name}' twice`, { nodeId }));
    if (!wired.has(name)) problems.push(problem("route-unwired", `route '${name}' of router '${nodeId}' has no edge`, { nodeId }));
  });
  if (!names.includes(data.default)) {
    problems.push(problem("unknown-default-route", `router '${nodeId}' defaults to '${data.default}', which is not one of its routes (${names.join(", ")})`, { nodeId }));
  }
  for (const keyword of data.routes.flatMap((r) => r.keywords ?? [])) {
    const issue = keywordProblem(keyword, flow.patterns);
    if (issue) problems.push(problem("invalid-regex", `router '${nodeId}': ${issue}`, { nodeId }));
  }
  if (data.strategy === "classifier" && !data.model) problems.push(problem("missing-model", `router '${nodeId}' uses a classifier but names no model`, { nodeId }));
  if (data.strategy === "embedding") {
    if (!data.embeddingModel) problems.push(problem("missing-model", `router '${nodeId}' routes by embedding but names no embeddingModel`, { nodeId }));
    for (const route of data.routes) {
      if (!route.examples?.length) problems.push(problem("route-without-examples", `route '${route.name}' of router '${nodeId}' has no examples to compare with`, { nodeId, severity: "warning" }));
    }
  }
  return problems;
}
