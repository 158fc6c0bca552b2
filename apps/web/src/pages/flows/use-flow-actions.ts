import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { useTRPC } from "../../api/trpc";

/** Creating, importing and deleting flows; a new flow opens in the editor. */
export function useFlowActions(workspaceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const refreshList = () => queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
  const open = (id: string) => {
    void refreshList();
    navigate(`/flows/${id}`);
  };

  const create = useMutation(trpc.flows.create.mutationOptions({ onSuccess: (r) => open(r.id) }));
  const importFlow = useMutation(trpc.flows.import.mutationOptions({ onSuccess: (r) => open(r.id) }));
  const remove = useMutation(trpc.flows.delete.mutationOptions({ onSuccess: () => void refreshList() }));

  return {
    createEmpty: () => create.mutate({ workspaceId, name: "Untitled flow" }),
    importDocument: (document: unknown) => importFlow.mutate({ workspaceId, document }),
    remove,
    creating: create.isPending || importFlow.isPending,
    createError: create.error ?? importFlow.error,
    resetCreateError: () => {
      create.reset();
      importFlow.reset();
    },
  };
}
