import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError, tracked } from "@trpc/server";
import { z } from "zod";
import { isTerminalEvent } from "@switchyard/core";
import { nodeResultSelect, runDetailSelect, runSummarySelect } from "@switchyard/db";
import { authedProcedure } from "../trpc";
import { requireFlowRole, requireRunRole } from "../access";
import { startRun } from "../runs/start-run";
import { eventsWhileAllowed } from "../runs/events-while-allowed";
import { retryAfterText } from "../services/rate-limiter";
import { userPrincipal } from "../services/access-changes";
import { seqNumber, versionNumber } from "../input/numbers";

const id = z.string().min(1).max(100);
/** The most event payload one `runs.events` answer holds. */
const EVENTS_PAGE_BYTES = 4_000_000;

export const runsRouter = {
  start: authedProcedure
    .input(
      z.object({
        flowId: id,
        version: versionNumber.optional(),
        inputs: z.record(z.string().max(64), z.unknown()).default({}),
        seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
        budgetUsd: z.number().positive().max(10_000).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await requireFlowRole(ctx.db, ctx.user.id, input.flowId, "editor");
      const limit = ctx.services.rateLimits.runStart;
      const decision = await limit.take(userPrincipal(ctx.user.id));
      if (!decision.ok) {
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: `You have started ${limit.limit} runs in the last ${retryAfterText(limit.windowMs)}, the most allowed; try again in ${retryAfterText(decision.retryAfterMs)}.`,
        });
      }
      return startRun(ctx.db, ctx.services, { ...input, userId: ctx.user.id });
    }),

  cancel: authedProcedure.input(z.object({ runId: id })).mutation(async ({ ctx, input }) => {
    await requireRunRole(ctx.db, ctx.user.id, input.runId, "editor");
    const outcome = await ctx.services.runs.cancel(input.runId);
    if (outcome === "finished") throw new TRPCError({ code: "CONFLICT", message: "This run has already finished." });
    return { status: outcome };
  }),

  list: authedProcedure
    .input(z.object({ flowId: id, limit: z.number().int().min(1).max(200).default(50), cursor: id.optional() }))
    .query(async ({ ctx, input }) => {
      await requireFlowRole(ctx.db, ctx.user.id, input.flowId, "viewer");
      const runs = await ctx.db.run.findMany({
        where: { flowId: input.flowId },
        select: runSummarySelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: input.limit + 1,
        // The cursor is the first run of the page (the one popped below), so it is included, not skipped.
        ...(input.cursor ? { cursor: { id: input.cursor } } : {}),
      });
      const next = runs.length > input.limit ? runs.pop()?.id : undefined;
      return { runs, nextCursor: next ?? null };
    }),

  byId: authedProcedure.input(z.object({ runId: id })).query(async ({ ctx, input }) => {
    await requireRunRole(ctx.db, ctx.user.id, input.runId, "viewer");
    const run = await ctx.db.run.findUniqueOrThrow({ where: { id: input.runId }, select: runDetailSelect });
    const nodes = await ctx.db.nodeResult.findMany({ where: { runId: input.runId }, select: nodeResultSelect, orderBy: { createdAt: "asc" } });
    return { ...run, nodes };
  }),

  /**
   * A finished (or running) run's persisted events, for inspection: timeline, attempts, prompts.
   * A page at most a few MB long; the rest follows from its last seq (or over `onRunEvents`).
   */
  events: authedProcedure.input(z.object({ runId: id, afterSeq: seqNumber.default(0) })).query(async ({ ctx, input }) => {
    await requireRunRole(ctx.db, ctx.user.id, input.runId, "viewer");
    return ctx.services.runs.readEvents(input.runId, input.afterSeq, { limit: 20_000, maxBytes: EVENTS_PAGE_BYTES });
  }),

  /**
   * Every event of a run, resumable: pass the last seq seen as `lastEventId` to get only later ones.
   * Ends with NOT_FOUND as soon as the reader loses access to the run (a share revoked, removed
   * from the workspace).
   */
  onRunEvents: authedProcedure
    .input(z.object({ runId: id, lastEventId: z.string().regex(/^\d{1,10}$/, "must be the id of an event").refine((v) => Number(v) < 2 ** 31, "must be the id of an event").nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const check = async () => void (await requireRunRole(ctx.db, ctx.user.id, input.runId, "viewer"));
      await check();
      const after = input.lastEventId ? Number(input.lastEventId) : 0;
      const abort = signal ?? new AbortController().signal;
      const events = eventsWhileAllowed({ services: ctx.services, runId: input.runId, afterSeq: after, signal: abort, principal: userPrincipal(ctx.user.id), check });
      for await (const event of events) {
        yield tracked(String(event.seq), event);
        if (isTerminalEvent(event)) return;
      }
      // A stream of a run that ended before the reader's last event simply has nothing more to say.
      if (!abort.aborted && !(await ctx.services.runs.hasEnded(input.runId))) {
        throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "The event stream ended early; reconnect to resume." });
      }
    }),
} satisfies TRPCRouterRecord;
