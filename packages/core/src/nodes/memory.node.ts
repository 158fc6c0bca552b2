import { z } from "zod";
import { estimateTokens } from "../util/tokens";
import type { MemoryTurn } from "../memory/memory-store";
import { helperModelSchema, modelIdSchema, templateSchema } from "./shared/schemas";
import { defineNode, type NodeContext } from "./node-types";
import { stringifyValue } from "../flow/template";

export const memoryData = z
  .object({
    /** Conversation id, e.g. `{{input.session}}`. */
    session: templateSchema.min(1),
    /** This turn's user message, saved with the run's answer when the run succeeds. */
    user: templateSchema.optional(),
    /** Output whose value is saved as the assistant's reply; the first output when absent. */
    saveOutput: z.string().max(64).optional(),
    /** Token budget of the history handed downstream. */
    maxTokens: z.number().int().min(16).max(200_000).default(2000),
    /** Over budget: drop the oldest turns, or summarize them with `model`. */
    mode: z.enum(["truncate", "summarize"]).default("truncate"),
    model: modelIdSchema.optional(),
    ...helperModelSchema,
  })
  .strict();

type MemoryData = z.output<typeof memoryData>;

/** Conversation history of a session, persisted by the host and fitted to a token budget. */
export const memoryNode = defineNode({
  type: "memory",
  label: "Memory",
  description: "Conversation history for a session id, truncated or summarized to fit a token budget.",
  category: "memory",
  data: memoryData,
  defaults: { session: "{{input.session}}", maxTokens: 2000 },
  inputs: "many",
  fields: ["value", "text", "turns", "dropped", "summarized"],
  canFail: true,
  templates: (data) => [data.session, ...(data.user === undefined ? [] : [data.user])],
  models: (data) => (data.model === undefined ? [] : [data.model]),
  async execute(ctx) {
    const turns = await ctx.memory.load(sessionOf(ctx.render, ctx.data));
    return fitHistory(ctx, turns);
  },
  async afterRun(ctx) {
    const session = sessionOf(ctx.render, ctx.data);
    const user = ctx.data.user === undefined ? "" : ctx.render(ctx.data.user);
    const name = ctx.data.saveOutput ?? Object.keys(ctx.outputs)[0];
    const assistant = name === undefined ? "" : stringifyValue(ctx.outputs[name]);
    if (user || assistant) await ctx.memory.append(session, { user, assistant });
  },
});

function sessionOf(render: (t: string) => string, data: MemoryData): string {
  const session = render(data.session).trim();
  if (!session) throw new Error("memory needs a session id, but it rendered empty");
  return session;
}

function formatTurns(turns: readonly MemoryTurn[]): string {
  return turns.map((t) => `User: ${t.user}\nAssistant: ${t.assistant}`).join("\n\n");
}

const SUMMARY_PREFIX = "Earlier conversation (summary): ";

/** The most recent turns whose formatted history fits `budget` tokens. */
function recentTurns(turns: MemoryTurn[], budget: number): MemoryTurn[] {
  let kept = turns;
  while (kept.length > 0 && estimateTokens(formatTurns(kept)) > budget) kept = kept.slice(1);
  return kept;
}

async function fitHistory(ctx: NodeContext<MemoryData>, turns: MemoryTurn[]) {
  const { maxTokens, mode } = ctx.data;
  const fits = recentTurns(turns, maxTokens);
  if (fits.length === turns.length || mode === "truncate" || ctx.data.model === undefined) {
    return { value: formatTurns(fits), fields: { turns: fits.length, dropped: turns.length - fits.length, summarized: false } };
  }
  // Reserve the summary's room before choosing the recent turns, so every dropped turn is summarized rather than lost.
  const summaryTokens = Math.floor(maxTokens / 4);
  const kept = recentTurns(turns, maxTokens - summaryTokens - estimateTokens(`${SUMMARY_PREFIX}\n\n`));
  const dropped = turns.slice(0, turns.length - kept.length);
  const result = await ctx.callModel({
    model: ctx.data.model,
    system: `Summarize this earlier conversation in at most ${summaryTokens} tokens, keeping facts the user gave.`,
    prompt: formatTurns(dropped),
    maxTokens: summaryTokens,
    temperature: ctx.data.temperature ?? 0,
    timeoutMs: ctx.data.timeoutMs,
  });
  const summary = `${SUMMARY_PREFIX}${result.text.trim().slice(0, summaryTokens * 4)}`;
  const value = kept.length ? `${summary}\n\n${formatTurns(kept)}` : summary;
  return { value, fields: { turns: kept.length, dropped: dropped.length, summarized: true } };
}
