import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { FLOW_FORMAT, FLOW_LIMITS, type FlowDocument } from "@switchyard/core";
import { flowSummarySelect, flowVersionSummarySelect, type Db, type Prisma } from "@switchyard/db";
import { authedProcedure } from "../trpc";
import { highestRole, requireFlowRole, requireFlowWorkspaceRole, requireWorkspaceRole } from "../access";
import { documentForSave } from "../flows/flow-document";
import { forkFlow } from "../flows/fork";
import { subflowProblems } from "../flows/subflow-save";
import { MAX_INT4, versionNumber } from "../input/numbers";

const id = z.string().min(1).max(100);
const name = z.string().trim().min(1, "A flow needs a name").max(FLOW_LIMITS.nameChars);

/** Whoever saves a flow, as a run they started would see its subflows. */
const saver = (userId: string, workspaceId: string) => ({ workspaceId, createdById: userId, apiKeyId: null });

function emptyFlow(title: string) {
  return { format: FLOW_FORMAT, name: title, inputs: [{ name: "question", type: "string" }], nodes: [], edges: [] };
}

/** Writes the next immutable version and moves the flow's head to it, in one transaction; subflows the saver could not run are its problems. */
async function saveVersion(db: Db, flowId: string, userId: string, document: unknown, message: string | undefined, baseVersion?: number) {
  const { document: parsed, problems: draftProblems } = documentForSave(document);
  const { workspaceId } = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { workspaceId: true } });
  const problems = [...draftProblems, ...(await subflowProblems(db, saver(userId, workspaceId), parsed))];
  return db.$transaction(async (tx) => {
    // Lock the head first: two saves of the same base otherwise both write version N+1 and one dies on the unique index.
    await tx.$queryRaw`SELECT id FROM "flow" WHERE id = ${flowId} FOR UPDATE`;
    const flow = await tx.flow.findUniqueOrThrow({ where: { id: flowId }, select: { latestVersion: true } });
    if (baseVersion !== undefined && baseVersion !== flow.latestVersion) {
      throw new TRPCError({ code: "CONFLICT", message: `Someone saved version ${flow.latestVersion} after the version ${baseVersion} you edited; reload to see it.` });
    }
    const version = flow.latestVersion + 1;
    await tx.flowVersion.create({ data: { flowId, version, document: parsed as Prisma.InputJsonValue, createdById: userId, ...(message ? { message } : {}) } });
    await tx.flow.update({ where: { id: flowId }, data: { latestVersion: version, name: parsed.name, description: parsed.description ?? null } });
    return { version, problems };
  });
}

/** A new flow and its version 1, together or not at all. */
async function createFlow(db: Db, workspaceId: string, userId: string, document: FlowDocument, message: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const created = await tx.flow.create({
      data: { workspaceId, name: document.name, description: document.description ?? null, createdById: userId, latestVersion: 1 },
      select: { id: true },
    });
    await tx.flowVersion.create({ data: { flowId: created.id, version: 1, document: document as Prisma.InputJsonValue, createdById: userId, message } });
    return created.id;
  });
}

export const flowsRouter = {
  list: authedProcedure
    .input(z.object({ workspaceId: id.optional(), search: z.string().max(200).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const visible: Prisma.FlowWhereInput = {
        deletedAt: null,
        OR: [{ workspace: { memberships: { some: { userId: ctx.user.id } } } }, { shares: { some: { userId: ctx.user.id, revokedAt: null } } }],
        ...(input?.workspaceId ? { workspaceId: input.workspaceId } : {}),
        ...(input?.search ? { name: { contains: input.search, mode: "insensitive" as const } } : {}),
      };
      const flows = await ctx.db.flow.findMany({
        where: visible,
        select: {
          ...flowSummarySelect,
          workspace: { select: { memberships: { where: { userId: ctx.user.id }, select: { role: true } } } },
          shares: { where: { userId: ctx.user.id, revokedAt: null }, select: { role: true } },
        },
        orderBy: { updatedAt: "desc" },
        take: 200,
      });
      // The caller's role on each, and whether it reached them by a share rather than membership.
      return flows.map(({ workspace, shares, ...flow }) => {
        const roles = [...workspace.memberships, ...shares].map((r) => r.role);
        return { ...flow, role: highestRole(roles) ?? "viewer", sharedWithMe: workspace.memberships.length === 0 };
      });
    }),

  byId: authedProcedure.input(z.object({ id, version: versionNumber.optional() })).query(async ({ ctx, input }) => {
    const { role } = await requireFlowRole(ctx.db, ctx.user.id, input.id, "viewer");
    const flow = await ctx.db.flow.findUniqueOrThrow({ where: { id: input.id }, select: flowSummarySelect });
    const version = await ctx.db.flowVersion.findUnique({
      where: { flowId_version: { flowId: input.id, version: input.version ?? flow.latestVersion } },
      select: { version: true, document: true, message: true, createdAt: true, createdBy: { select: { id: true, name: true, email: true } } },
    });
    if (!version) throw new TRPCError({ code: "NOT_FOUND", message: `Version ${input.version} of this flow not found` });
    return { ...flow, role, version };
  }),

  create: authedProcedure
    .input(z.object({ workspaceId: id, name, document: z.unknown().optional() }))
    .mutation(async ({ ctx, input }) => {
      await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "editor");
      const base = (input.document ?? emptyFlow(input.name)) as Record<string, unknown>;
      const { document, problems } = documentForSave({ ...base, name: input.name });
      const flowId = await createFlow(ctx.db, input.workspaceId, ctx.user.id, document, "Created");
      return { id: flowId, version: 1, problems: [...problems, ...(await subflowProblems(ctx.db, saver(ctx.user.id, input.workspaceId), document))] };
    }),

  update: authedProcedure
    .input(z.object({ id, document: z.unknown(), baseVersion: z.number().int().min(0).max(MAX_INT4).optional(), message: z.string().max(500).optional() }))
    .mutation(async ({ ctx, input }) => {
      await requireFlowRole(ctx.db, ctx.user.id, input.id, "editor");
      return saveVersion(ctx.db, input.id, ctx.user.id, input.document, input.message, input.baseVersion);
    }),

  rename: authedProcedure.input(z.object({ id, name })).mutation(async ({ ctx, input }) => {
    await requireFlowRole(ctx.db, ctx.user.id, input.id, "editor");
    const head = await ctx.db.flow.findUniqueOrThrow({ where: { id: input.id }, select: { latestVersion: true } });
    const current = await ctx.db.flowVersion.findUniqueOrThrow({ where: { flowId_version: { flowId: input.id, version: head.latestVersion } }, select: { document: true } });
    // Against the version just read: a save that lands in between is a conflict, not silently undone.
    return saveVersion(ctx.db, input.id, ctx.user.id, { ...(current.document as object), name: input.name }, `Renamed to ${input.name}`, head.latestVersion);
  }),

  /** Editors and owners of the flow's workspace delete it; a share lets people edit, not delete. */
  delete: authedProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    await requireFlowWorkspaceRole(ctx.db, ctx.user.id, input.id, "editor", "delete it");
    await ctx.db.flow.update({ where: { id: input.id }, data: { deletedAt: new Date() } });
    return { id: input.id };
  }),

  versions: authedProcedure.input(z.object({ id })).query(async ({ ctx, input }) => {
    await requireFlowRole(ctx.db, ctx.user.id, input.id, "viewer");
    return ctx.db.flowVersion.findMany({ where: { flowId: input.id }, select: flowVersionSummarySelect, orderBy: { version: "desc" } });
  }),

  restore: authedProcedure.input(z.object({ id, version: versionNumber })).mutation(async ({ ctx, input }) => {
    await requireFlowRole(ctx.db, ctx.user.id, input.id, "editor");
    const old = await ctx.db.flowVersion.findUnique({ where: { flowId_version: { flowId: input.id, version: input.version } }, select: { document: true } });
    if (!old) throw new TRPCError({ code: "NOT_FOUND", message: `Version ${input.version} of this flow not found` });
    return saveVersion(ctx.db, input.id, ctx.user.id, old.document, `Restored version ${input.version}`);
  }),

  import: authedProcedure.input(z.object({ workspaceId: id, document: z.unknown() })).mutation(async ({ ctx, input }) => {
    await requireWorkspaceRole(ctx.db, ctx.user.id, input.workspaceId, "editor");
    const { document, problems } = documentForSave(input.document);
    const flowId = await createFlow(ctx.db, input.workspaceId, ctx.user.id, document, "Imported");
    return { id: flowId, version: 1, problems: [...problems, ...(await subflowProblems(ctx.db, saver(ctx.user.id, input.workspaceId), document))] };
  }),

  /** Copies the flow into a workspace where the caller is an editor; anyone who can see it (or holds its link) may. */
  fork: authedProcedure
    .input(z.object({ flowId: id, workspaceId: id, linkToken: z.string().min(1).max(200).optional(), name: name.optional() }))
    .mutation(({ ctx, input }) => forkFlow(ctx.db, ctx.user, input)),

  export: authedProcedure.input(z.object({ id, version: versionNumber.optional() })).query(async ({ ctx, input }) => {
    await requireFlowRole(ctx.db, ctx.user.id, input.id, "viewer");
    const flow = await ctx.db.flow.findUniqueOrThrow({ where: { id: input.id }, select: { latestVersion: true } });
    const version = await ctx.db.flowVersion.findUnique({ where: { flowId_version: { flowId: input.id, version: input.version ?? flow.latestVersion } }, select: { document: true } });
    if (!version) throw new TRPCError({ code: "NOT_FOUND", message: `Version ${input.version} of this flow not found` });
    return version.document;
  }),
} satisfies TRPCRouterRecord;
