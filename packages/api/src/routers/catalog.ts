import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { nodeCatalog } from "@switchyard/core";
import { authedProcedure, publicProcedure } from "../trpc";
import { requireFlowRole, requireWorkspaceRole } from "../access";
import { workspaceKeys } from "../services/workspace-keys";

export const catalogRouter = {
  /** Node types: palette entries, ports, JSON Schemas of their data, defaults. */
  nodes: publicProcedure.query(() => nodeCatalog()),

  /**
   * Models grouped by provider with prices, and whether they can be called: for a workspace, or
   * for a flow (its workspace's keys decide, even when the flow was shared with someone outside it).
   */
  models: authedProcedure
    .input(
      z
        .object({ workspaceId: z.string().min(1).max(100).optional(), flowId: z.string().min(1).max(100).optional() })
        .refine((i) => (i.workspaceId === undefined) !== (i.flowId === undefined), "Give either a workspaceId or a flowId"),
    )
    .query(async ({ ctx, input }) => {
      let workspaceId = input.workspaceId;
      if (input.flowId !== undefined) workspaceId = (await requireFlowRole(ctx.db, ctx.user.id, input.flowId, "viewer")).workspaceId;
      else await requireWorkspaceRole(ctx.db, ctx.user.id, workspaceId!, "viewer");
      return ctx.services.providers.catalog(await workspaceKeys(ctx.db, ctx.services.vault, workspaceId!));
    }),

  /** The example flows, for "New from template". */
  templates: publicProcedure.query(({ ctx }) => ctx.services.templates()),
} satisfies TRPCRouterRecord;
