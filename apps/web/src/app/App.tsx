import { useEffect, useState } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { Router } from "wouter";
import { createApiClient, createQueryClient, TRPCProvider } from "../api/trpc";
import { AppRoutes } from "./AppRoutes";
import { useGuardedLocation } from "./leave-guard";
import { ME_KEY, watchSessionEnd } from "./session-end";

/** Server state (TanStack Query + tRPC) for the whole app, then the routes. */
export function App() {
  const [queryClient] = useState(() => {
    // A call that finds the session gone re-reads `me`; the auth gate then sends the user to sign in.
    // A call refused for access re-reads it too: a workspace the user left, lost or saw deleted drops
    // out of the switcher (and the app moves to another) at once, and a changed role shows.
    const rereadMe = () => void client.invalidateQueries({ queryKey: ME_KEY });
    const client = createQueryClient({ onUnauthorized: rereadMe, onNoAccess: rereadMe });
    return client;
  });
  const [trpcClient] = useState(createApiClient);
  useEffect(() => watchSessionEnd(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Router hook={useGuardedLocation}>
          <AppRoutes />
        </Router>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
