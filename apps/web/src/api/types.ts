import type { inferRouterClient } from "@trpc/client";
import type { AppRouter } from "@switchyard/api";

type Client = inferRouterClient<AppRouter>;

/** What `flows.byId` returns: the flow, the caller's role on it and one version's document. */
export type FlowWithVersion = Awaited<ReturnType<Client["flows"]["byId"]["query"]>>;
export type FlowVersionSummary = Awaited<ReturnType<Client["flows"]["versions"]["query"]>>[number];
export type CredentialSummary = Awaited<ReturnType<Client["credentials"]["list"]["query"]>>[number];
export type ApiKeySummary = Awaited<ReturnType<Client["apiKeys"]["list"]["query"]>>[number];
