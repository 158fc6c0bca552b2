import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { nodeCatalog } from "@switchyard/core";
import { authedProcedure, publicProcedure } from "../trpc";
import { requireWorkspaceRole } from "../access";
import { workspaceKeys } from "../services/workspace-keys";

export const catalogRouter = {
  /** Node types: palette entries, ports, JSON Schemas of their data, defaults. */
  nodes: publicProcedure.query(() => nodeCatalog()),

  /** Models grouped by provider with prices, and whether this workspace can call them. */
  models: authedProcedure.input(z.object({ workspaceId: z.string().min(1) })).query(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "viewer");
    return ctx.services.providers.catalog(await workspaceKeys(ctx.db, ctx.services.vault, input.workspaceId));
  }),

  /** The example flows, for "New from template". */
  templates: publicProcedure.query(({ ctx }) => ctx.services.templates()),
} satisfies TRPCRouterRecord;
