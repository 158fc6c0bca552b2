import type { inferRouterClient } from "@trpc/client";
import type { AppRouter } from "@switchyard/api";

type Client = inferRouterClient<AppRouter>;

/** What `flows.byId` returns: the flow, the caller's role on it and one version's document. */
export type FlowWithVersion = Awaited<ReturnType<Client["flows"]["byId"]["query"]>>;
export type FlowVersionSummary = Awaited<ReturnType<Client["flows"]["versions"]["query"]>>[number];
export type CredentialSummary = Awaited<ReturnType<Client["credentials"]["list"]["query"]>>[number];
export type ApiKeySummary = Awaited<ReturnType<Client["apiKeys"]["list"]["query"]>>[number];
export type FlowListItem = Awaited<ReturnType<Client["flows"]["list"]["query"]>>[number];
export type WorkspaceMember = Awaited<ReturnType<Client["workspaces"]["members"]["query"]>>[number];
export type PendingInvitation = Awaited<ReturnType<Client["workspaces"]["invitations"]["query"]>>[number];
export type NewInvitation = Awaited<ReturnType<Client["workspaces"]["invite"]["mutate"]>>;
export type InvitationInfo = Awaited<ReturnType<Client["workspaces"]["inviteInfo"]["query"]>>;
export type AuditEntry = Awaited<ReturnType<Client["workspaces"]["audit"]["query"]>>["entries"][number];
export type FlowShares = Awaited<ReturnType<Client["shares"]["list"]["query"]>>;
export type UserShare = FlowShares["users"][number];
export type LinkShare = FlowShares["links"][number];
export type SharedFlow = Awaited<ReturnType<Client["shares"]["openLink"]["query"]>>;
/** What `insights.models` returns: the period and one row per model, most expensive first. */
export type ModelUsageReport = Awaited<ReturnType<Client["insights"]["models"]["query"]>>;
