import { useMemo } from "react";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { modelGroupsFromCatalog } from "../../catalog/models";

/**
 * Which models a flow can use is its workspace's business: its keys decide what is available.
 * Asked by flow id, so a flow shared with you shows its own workspace's models.
 */
export function useFlowModels(flowId: string | undefined) {
  const trpc = useTRPC();
  const models = useQuery(trpc.catalog.models.queryOptions(flowId ? { flowId } : skipToken));
  const groups = useMemo(() => (models.data ? modelGroupsFromCatalog(models.data) : undefined), [models.data]);
  return { models, groups };
}
