import type { Prisma } from "./generated/prisma/client.ts";

// The shapes that leave the server. Select these instead of whole rows, so a column added later
// (or a secret one) never reaches a client by accident.

/** Who did something, as others may see them. */
export const userSummarySelect = { id: true, name: true, image: true } satisfies Prisma.UserSelect;

export const workspaceSelect = {
  id: true,
  name: true,
  personal: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WorkspaceSelect;

export const membershipSelect = {
  workspaceId: true,
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { ...userSummarySelect, email: true } },
} satisfies Prisma.MembershipSelect;

export const flowSummarySelect = {
  id: true,
  workspaceId: true,
  name: true,
  description: true,
  latestVersion: true,
  forkedFromId: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: userSummarySelect },
  /** The latest run, for "last run" status and cost in lists. */
  runs: { select: { id: true, status: true, costUsd: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
} satisfies Prisma.FlowSelect;

export const flowDetailSelect = {
  ...flowSummarySelect,
  deletedAt: true,
  workspace: { select: { id: true, name: true, personal: true } },
  forkedFrom: { select: { id: true, name: true, workspaceId: true } },
} satisfies Prisma.FlowSelect;

/** A version without its document (lists and history). */
export const flowVersionSummarySelect = {
  id: true,
  flowId: true,
  version: true,
  message: true,
  createdAt: true,
  createdBy: { select: userSummarySelect },
} satisfies Prisma.FlowVersionSelect;

export const runSummarySelect = {
  id: true,
  flowId: true,
  flowVersionId: true,
  workspaceId: true,
  status: true,
  seed: true,
  budgetUsd: true,
  costUsd: true,
  inputTokens: true,
  outputTokens: true,
  latencyMs: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdById: true,
  apiKeyId: true,
  flowVersion: { select: { version: true } },
  createdBy: { select: userSummarySelect },
  // Name and prefix only: enough to say which key started a run, never its hash.
  apiKey: { select: { id: true, name: true, prefix: true } },
} satisfies Prisma.RunSelect;

export const runDetailSelect = {
  ...runSummarySelect,
  inputs: true,
  outputs: true,
  error: true,
  lastSeq: true,
  attempts: true,
  cancelRequested: true,
  apiKey: { select: { id: true, name: true, prefix: true } },
} satisfies Prisma.RunSelect;

export const nodeResultSelect = {
  runId: true,
  nodeId: true,
  status: true,
  result: true,
  costUsd: true,
  inputTokens: true,
  outputTokens: true,
  latencyMs: true,
  model: true,
  attempts: true,
  createdAt: true,
} satisfies Prisma.NodeResultSelect;

/** Never `ciphertext`, `iv` or `authTag`: a stored key is shown only by its hint. */
export const credentialPublicSelect = {
  id: true,
  workspaceId: true,
  provider: true,
  keyHint: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: userSummarySelect },
} satisfies Prisma.ProviderCredentialSelect;

/** Never `hash`: the key itself is shown once, at creation, and not stored. */
export const apiKeyPublicSelect = {
  id: true,
  workspaceId: true,
  name: true,
  prefix: true,
  role: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: userSummarySelect },
} satisfies Prisma.ApiKeySelect;

export type WorkspacePublic = Prisma.WorkspaceGetPayload<{ select: typeof workspaceSelect }>;
export type MembershipPublic = Prisma.MembershipGetPayload<{ select: typeof membershipSelect }>;
export type FlowSummary = Prisma.FlowGetPayload<{ select: typeof flowSummarySelect }>;
export type FlowDetail = Prisma.FlowGetPayload<{ select: typeof flowDetailSelect }>;
export type FlowVersionSummary = Prisma.FlowVersionGetPayload<{
  select: typeof flowVersionSummarySelect;
}>;
export type RunSummary = Prisma.RunGetPayload<{ select: typeof runSummarySelect }>;
export type RunDetail = Prisma.RunGetPayload<{ select: typeof runDetailSelect }>;
export type NodeResultPublic = Prisma.NodeResultGetPayload<{ select: typeof nodeResultSelect }>;
export type CredentialPublic = Prisma.ProviderCredentialGetPayload<{
  select: typeof credentialPublicSelect;
}>;
export type ApiKeyPublic = Prisma.ApiKeyGetPayload<{ select: typeof apiKeyPublicSelect }>;
