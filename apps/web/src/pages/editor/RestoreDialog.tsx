import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { useFlowSession } from "./flow-session";

/** Confirms restoring `version`: it becomes a new latest version, nothing is overwritten. */
export function RestoreDialog({ version, onClose }: { version: number; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useFlowSession();
  const restore = useMutation(
    trpc.flows.restore.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.flows.versions.queryKey({ id: session.flowId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        onClose();
        session.reload();
      },
    }),
  );
  return (
    <ConfirmDialog
      title={`Restore version ${version}?`}
      confirmLabel={`Restore version ${version}`}
      busy={restore.isPending}
      error={restore.error}
      onCancel={onClose}
      onConfirm={() => restore.mutate({ id: session.flowId, version })}
    >
      <p>Its contents are saved as a new version, v{session.latestVersion + 1}. Every existing version stays in the history.</p>
      {session.dirty && <p className="sy-notice sy-notice--warning">Your unsaved changes on the canvas will be discarded.</p>}
    </ConfirmDialog>
  );
}
