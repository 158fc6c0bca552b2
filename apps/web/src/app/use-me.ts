import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../api/trpc";

/** The signed-in user and their workspaces (`user: null` when signed out). */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.me.get.queryOptions(undefined, { staleTime: 60_000 }));
}
