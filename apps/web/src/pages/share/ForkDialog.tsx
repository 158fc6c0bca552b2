import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FLOW_LIMITS } from "@switchyard/core";
import { useTRPC } from "../../api/trpc";
import { useMe } from "../../app/use-me";
import { canEdit } from "../../app/workspace-choice";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { TextField } from "../../components/TextField";

interface ForkDialogProps {
  flowId: string;
  flowName: string;
  /** For a flow seen only through a read-only link. */
  linkToken?: string;
  /** The workspace to offer first, when you can edit there. */
  preferredWorkspaceId?: string;
  onClose: () => void;
  onForked: (fork: { flowId: string; workspaceId: string }) => void;
}

/** Copies the flow's latest version into a workspace where you can edit, as a new flow of your own. */
export function ForkDialog({ flowId, flowName, linkToken, preferredWorkspaceId, onClose, onForked }: ForkDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const targets = (me.data?.workspaces ?? []).filter((w) => canEdit(w.role));
  const initial = targets.find((w) => w.id === preferredWorkspaceId) ?? targets.find((w) => w.personal) ?? targets[0];
  const [workspaceId, setWorkspaceId] = useState(initial?.id ?? "");
  const [name, setName] = useState(`${flowName} (fork)`.slice(0, FLOW_LIMITS.nameChars));
  const [problem, setProblem] = useState<string>();
  const fork = useMutation(
    trpc.flows.fork.mutationOptions({
      onSuccess: (created) => {
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        onForked({ flowId: created.id, workspaceId });
      },
    }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === "") return setProblem("The fork needs a name.");
    setProblem(undefined);
    fork.mutate({ flowId, workspaceId, name: name.trim(), ...(linkToken ? { linkToken } : {}) });
  };

  return (
    <Dialog
      title="Fork into my workspace"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="sy-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="fork-flow" className="sy-button sy-button--primary" disabled={fork.isPending || targets.length === 0}>
            {fork.isPending ? "Forking…" : "Fork"}
          </button>
        </>
      }
    >
      {targets.length === 0 ? (
        <p className="sy-notice">You can't edit in any workspace yet, so there is nowhere to put a copy. Create a team workspace from the workspace menu first.</p>
      ) : (
        <form id="fork-flow" className="sy-form" onSubmit={onSubmit} noValidate>
          <p className="sy-muted">A copy of the latest version of “{flowName}” becomes a new flow in the workspace you pick. Changes to either don't affect the other.</p>
          <div className="sy-field">
            <label htmlFor="fork-workspace" className="sy-field__label">
              Workspace
            </label>
            <select id="fork-workspace" className="sy-input" value={workspaceId} onChange={(e) => setWorkspaceId(e.target.value)}>
              {targets.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} ({w.role})
                </option>
              ))}
            </select>
          </div>
          <TextField label="Name of the copy" value={name} onChange={(e) => setName(e.target.value)} error={problem} maxLength={FLOW_LIMITS.nameChars} />
        </form>
      )}
      {fork.error && <ErrorMessage title="Not forked" error={fork.error} />}
    </Dialog>
  );
}
