import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { flowDocumentSchema, migrateFlowDocument, type FlowDocument } from "@switchyard/core";
import { useTRPC } from "../api/trpc";

export interface FlowVersionState {
  document?: FlowDocument;
  flowName?: string;
  loading: boolean;
  error?: string;
}

/** The flow document of one saved version. Versions never change, so it is fetched once. */
export function useFlowVersion(
  flowId: string | undefined,
  version: number | undefined,
): FlowVersionState {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.flows.byId.queryOptions({
      id: flowId ?? "",
      ...(version !== undefined ? { version } : {}),
    }),
    enabled: Boolean(flowId) && version !== undefined,
    staleTime: Infinity,
  });
  const raw = query.data?.version.document;
  const parsed = useMemo(() => (raw === undefined ? undefined : parseDocument(raw)), [raw]);
  return {
    ...(parsed?.document ? { document: parsed.document } : {}),
    ...(query.data ? { flowName: query.data.name } : {}),
    loading: query.isPending && Boolean(flowId),
    ...(query.error
      ? { error: query.error.message }
      : parsed?.error
        ? { error: parsed.error }
        : {}),
  };
}

function parseDocument(raw: unknown): { document?: FlowDocument; error?: string } {
  const migrated = migrateFlowDocument(raw);
  if (!migrated.ok) return { error: migrated.message };
  const parsed = flowDocumentSchema.safeParse(migrated.document);
  return parsed.success
    ? { document: parsed.data }
    : { error: "This version's flow document could not be read." };
}
