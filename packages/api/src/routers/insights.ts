import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { authedProcedure } from "../trpc";
import { requireWorkspaceRole } from "../access";
import { INSIGHT_PERIODS, modelUsage } from "../insights/model-usage";

const id = z.string().min(1).max(100);

export const insightsRouter = {
  /**
   * How each model did in a workspace (or one of its flows) over the last 1, 7, 30 or 90 days:
   * calls, failures, retries, p50/p95 latency, tokens and cost, with a cost series per model.
   */
  models: authedProcedure
    .input(
      z.object({
        workspaceId: id,
        days: z.literal(INSIGHT_PERIODS, { error: "the period is 1, 7, 30 or 90 days" }).default(7),
        flowId: id.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "viewer");
      if (input.flowId !== undefined) {
        const flow = await ctx.db.flow.findFirst({
          where: { id: input.flowId, workspaceId: input.workspaceId, deletedAt: null },
          select: { id: true },
        });
        if (!flow)
          throw new TRPCError({ code: "NOT_FOUND", message: "Flow not found in this workspace" });
      }
      return modelUsage(ctx.db, input);
    }),
} satisfies TRPCRouterRecord;
