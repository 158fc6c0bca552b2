import { TRPCError } from "@trpc/server";
import type { Prisma } from "@switchyard/db";

/**
 * The workspace's row, locked for the rest of the transaction: a rename or delete then sees the
 * name it acts on, and rows that point at the workspace (runs, members, flows) wait until it ends.
 */
export async function lockWorkspace(tx: Prisma.TransactionClient, workspaceId: string): Promise<{ name: string; personal: boolean }> {
  const rows = await tx.$queryRaw<{ name: string; personal: boolean }[]>`SELECT "name", "personal" FROM "workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
  if (!rows[0]) throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found" });
  return rows[0];
}
