import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { useTRPC } from "../../api/trpc";
import { ConfirmDialog } from "../../components/ConfirmDialog";

interface LeaveWorkspaceProps {
  workspaceId: string;
  workspaceName: string;
  meId: string;
  /** Called after leaving, to switch to another workspace. */
  onLeft: () => void;
}

/** A member leaves a team workspace (the last owner can't: the server says why). */
export function LeaveWorkspace({ workspaceId, workspaceName, meId, onLeft }: LeaveWorkspaceProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  const leave = useMutation(
    trpc.workspaces.removeMember.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        onLeft();
        // Nothing of the workspace may linger: its flows, runs and members are no longer yours to see.
        queryClient.removeQueries({ queryKey: trpc.flows.pathKey() });
        queryClient.removeQueries({ queryKey: trpc.workspaces.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
        navigate("/");
      },
    }),
  );
  return (
    <section className="sy-card" aria-labelledby="leave-title">
      <h2 id="leave-title" className="sy-card__title">
        Leave {workspaceName}
      </h2>
      <p className="sy-muted">You lose access to its flows, runs and keys. An owner can invite you again.</p>
      <button type="button" className="sy-button sy-button--danger" onClick={() => setConfirming(true)}>
        Leave workspace
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Leave ${workspaceName}?`}
          confirmLabel="Leave workspace"
          danger
          busy={leave.isPending}
          error={leave.error}
          onCancel={() => {
            leave.reset();
            setConfirming(false);
          }}
          onConfirm={() => leave.mutate({ workspaceId, userId: meId })}
        >
          <p>You will no longer see {workspaceName}'s flows and runs. Flows shared with you directly stay shared.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
