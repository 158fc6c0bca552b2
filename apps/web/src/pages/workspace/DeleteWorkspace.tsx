import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { useTRPC } from "../../api/trpc";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { TextField } from "../../components/TextField";

interface DeleteWorkspaceProps {
  workspaceId: string;
  workspaceName: string;
  /** Called once it is gone, to switch to a workspace that still exists. */
  onDeleted: () => void;
}

/** The danger zone: deleting a team workspace with everything in it, after typing its name. */
export function DeleteWorkspace({ workspaceId, workspaceName, onDeleted }: DeleteWorkspaceProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const remove = useMutation(
    trpc.workspaces.delete.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        onDeleted();
        // Nothing of the workspace may linger in the cache: its flows, runs and members are gone.
        queryClient.removeQueries({ queryKey: trpc.flows.pathKey() });
        queryClient.removeQueries({ queryKey: trpc.runs.pathKey() });
        queryClient.removeQueries({ queryKey: trpc.workspaces.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
        navigate("/");
      },
    }),
  );
  const close = () => {
    remove.reset();
    setTyped("");
    setConfirming(false);
  };

  return (
    <section className="sy-card sy-card--danger" aria-labelledby="danger-title">
      <h2 id="danger-title" className="sy-card__title">
        Danger zone
      </h2>
      <div className="sy-danger-row">
        <div>
          <strong>Delete {workspaceName}</strong>
          <p className="sy-muted">Its flows, runs, keys, invitations and audit log are deleted for good, and every member loses access. This can't be undone.</p>
        </div>
        <button type="button" className="sy-button sy-button--danger" onClick={() => setConfirming(true)}>
          Delete workspace…
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Delete ${workspaceName}?`}
          confirmLabel="Delete workspace"
          danger
          busy={remove.isPending}
          confirmDisabled={typed.trim() !== workspaceName}
          error={remove.error}
          onCancel={close}
          onConfirm={() => remove.mutate({ workspaceId, confirmName: typed.trim() })}
        >
          <p>
            This deletes every flow in {workspaceName} with its versions, runs and shares, its provider keys and API keys, pending invitations and the audit log. Runs in
            progress are stopped. Members keep their accounts and personal workspaces.
          </p>
          <div className="sy-delete-confirm">
            <TextField
              label={`Type “${workspaceName}” to confirm`}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
            />
          </div>
        </ConfirmDialog>
      )}
    </section>
  );
}
