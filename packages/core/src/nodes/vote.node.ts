import { z } from "zod";
import { problem, type ValidationProblem } from "../validation/problems";
import { extractAnswer, extractorSchema, type ExtractedAnswer } from "./shared/answer-extractor";
import { helperModelSchema, modelIdSchema, templateSchema } from "./shared/schemas";
import { defineNode, type FlowView, type NodeContext } from "./node-types";
import { stringifyValue } from "../flow/template";
import { TimeSlices } from "../util/time-slices";

export const voteData = z
  .object({
    strategy: z.enum(["majority", "weighted", "unanimous", "judge"]).default("majority"),
    extract: extractorSchema.default({ kind: "normalized" }),
    /** Branches that must answer for the vote to count; by default a majority of the branches. */
    quorum: z.number().int().min(1).optional(),
    /** Weight per branch (source node id) for the `weighted` strategy; 1 when absent. */
    weights: z.record(z.string(), z.number().min(0)).optional(),
    judgeModel: modelIdSchema.optional(),
    /** Judge prompt; `{{answers}}` is replaced by the numbered answers. */
    judgePrompt: templateSchema.optional(),
    ...helperModelSchema,
  })
  .strict();

type VoteData = z.output<typeof voteData>;

export interface VoteRow {
  nodeId: string;
  status: "ok" | "failed" | "unparsed";
  answer?: string;
  /** Normalised answer: rows with the same key vote together. */
  key?: string;
  weight: number;
  raw?: string;
  error?: string;
}

/** Ensemble: counts the answers of N branches; quorum k-of-n keeps going when some fail. */
export const voteNode = defineNode({
  type: "vote",
  label: "Vote",
  description: "Combines N branches: majority, weighted, unanimous or an LLM judge; reports agreement and the vote table.",
  category: "control",
  data: voteData,
  defaults: { strategy: "majority", extract: { kind: "normalized" } },
  inputs: "many",
  fields: ["answer", "value", "text", "agreement", "votes", "failed", "confidence", "tally"],
  canFail: true,
  templates: (data) => (data.judgePrompt === undefined ? [] : [data.judgePrompt.replaceAll("{{answers}}", "")]),
  models: (data) => (data.judgeModel === undefined ? [] : [data.judgeModel]),
  validate: validateVote,
  async execute(ctx) {
    const { data } = ctx;
    const rows = await tableOf(ctx);
    const valid = rows.filter((r): r is VoteRow & { answer: string } => r.status === "ok");
    const branches = ctx.inputs.length + ctx.failedInputs.length;
    const quorum = data.quorum ?? Math.floor(branches / 2) + 1;
    const failed = rows.filter((r) => r.status === "failed").map((r) => r.nodeId);
    if (valid.length < quorum) {
      throw new Error(`vote needs ${quorum} of ${branches} answers but got ${valid.length}${failed.length ? ` (failed: ${failed.join(", ")})` : ""}`);
    }
    const tally = tallyVotes(valid, data.strategy === "weighted");
    const [winner, runnerUp] = tally;
    const total = tally.reduce((sum, t) => sum + t.weight, 0);
    const agreement = winner && total > 0 ? winner.weight / total : 0;
    if (data.strategy === "unanimous" && tally.length > 1) {
      throw new Error(`no unanimous agreement: ${tally.map((t) => `${t.answer} (${t.count})`).join(" vs ")}`);
    }
    let answer = winner?.answer ?? "";
    if (data.strategy === "judge") answer = await judge(ctx, valid);
    const tie = runnerUp !== undefined && winner !== undefined && runnerUp.weight === winner.weight;
    return {
      value: answer,
      confidence: agreement,
      fields: { answer, agreement, votes: rows, failed, tally, ...(tie ? { tie: true } : {}) },
    };
  },
});

async function tableOf(ctx: NodeContext<VoteData>): Promise<VoteRow[]> {
  // Own keys only: a branch id like "constructor" must not weigh in as Object.prototype.constructor.
  const weight = (id: string) => (ctx.data.weights && Object.hasOwn(ctx.data.weights, id) ? ctx.data.weights[id]! : 1);
  const rows: VoteRow[] = [];
  // A pattern search on a long reply is up to ~0.1 s: hundreds of branches yield to the event loop between them.
  const slices = new TimeSlices();
  for (const input of ctx.inputs) {
    await slices.next();
    const raw = stringifyValue(input.value);
    const extracted: ExtractedAnswer | undefined = extractAnswer(ctx.data.extract, input.value, ctx.patterns);
    rows.push(
      extracted
        ? { nodeId: input.sourceId, status: "ok", answer: extracted.answer, weight: weight(input.sourceId), raw, key: extracted.key }
        : { nodeId: input.sourceId, status: "unparsed", weight: weight(input.sourceId), raw },
    );
  }
  for (const f of ctx.failedInputs) rows.push({ nodeId: f.sourceId, status: "failed", weight: weight(f.sourceId), error: f.message });
  return rows;
}

interface Tally {
  answer: string;
  count: number;
  weight: number;
}

/** Groups equal answers; ties go to the answer that was given first (branch order). */
function tallyVotes(rows: readonly (VoteRow & { answer: string })[], weighted: boolean): Tally[] {
  const groups = new Map<string, Tally>();
  for (const row of rows) {
    const key = row.key ?? row.answer;
    const group = groups.get(key) ?? { answer: row.answer, count: 0, weight: 0 };
    group.count += 1;
    group.weight += weighted ? row.weight : 1;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.weight - a.weight);
}

async function judge(ctx: NodeContext<VoteData>, rows: readonly (VoteRow & { answer: string })[]): Promise<string> {
  const answers = rows.map((r, i) => `${i + 1}. ${r.raw ?? r.answer}`).join("\n");
  const template =
    ctx.data.judgePrompt ?? "Several assistants answered the same request.\n\n{{answers}}\n\nReply with the single best final answer, merging their strengths.";
  const prompt = ctx.render(template.replaceAll("{{answers}}", answers.replaceAll("{{", "{ {")));
  const result = await ctx.callModel({
    model: ctx.data.judgeModel ?? "",
    prompt,
    temperature: ctx.data.temperature ?? 0,
    timeoutMs: ctx.data.timeoutMs,
    stream: true,
  });
  if (ctx.data.extract.kind === "normalized") return result.text.trim();
  return extractAnswer(ctx.data.extract, result.text, ctx.patterns)?.answer ?? result.text.trim();
}

function validateVote(nodeId: string, data: VoteData, flow: FlowView): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const sources = flow.incoming(nodeId).filter((e) => e.kind === "data").map((e) => e.source);
  if (sources.length < 2) problems.push(problem("vote-too-few-inputs", `vote '${nodeId}' has ${sources.length} input(s); a vote needs at least 2`, { nodeId, severity: sources.length === 0 ? "error" : "warning" }));
  if (data.quorum !== undefined && data.quorum > sources.length) {
    problems.push(problem("quorum-too-high", `vote '${nodeId}' needs a quorum of ${data.quorum} but has only ${sources.length} inputs`, { nodeId }));
  }
  for (const id of Object.keys(data.weights ?? {})) {
    if (!sources.includes(id)) problems.push(problem("unknown-weight", `vote '${nodeId}' weighs '${id}', which is not one of its inputs`, { nodeId }));
  }
  if (data.strategy === "judge" && !data.judgeModel) problems.push(problem("missing-model", `vote '${nodeId}' uses a judge but names no judgeModel`, { nodeId }));
  if (data.extract.kind === "regex") {
    const issue = flow.patterns.problem(data.extract.pattern, data.extract.flags);
    if (issue) problems.push(problem("invalid-regex", `vote '${nodeId}': ${issue}`, { nodeId }));
  }
  return problems;
}
