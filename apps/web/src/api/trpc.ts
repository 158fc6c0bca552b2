import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@switchyard/api";
import { errorCode, isNoAccess, isUnauthorized } from "./errors";

/** Server state lives in TanStack Query; tRPC supplies typed query options for it. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Errors that another try will not fix. */
const FINAL_CODES = new Set(["UNAUTHORIZED", "NOT_FOUND", "FORBIDDEN", "BAD_REQUEST", "CONFLICT"]);

export interface QueryClientOptions {
  /** Called when any call finds the session gone (expired, or signed out in another tab). */
  onUnauthorized?: () => void;
  /**
   * Called when a call is refused for access (NOT_FOUND, FORBIDDEN): the user may have been
   * removed from the workspace, it may have been deleted, or their role changed.
   */
  onNoAccess?: () => void;
}

export function createQueryClient(options: QueryClientOptions = {}): QueryClient {
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) options.onUnauthorized?.();
    else if (isNoAccess(error)) options.onNoAccess?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 5_000, retry: (count, error) => count < 2 && !FINAL_CODES.has(errorCode(error) ?? "") },
    },
  });
}

/** Same-origin calls (cookies included); subscriptions over SSE, resumable by event id. */
export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: "/api/trpc" }),
        false: httpBatchLink({ url: "/api/trpc" }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
