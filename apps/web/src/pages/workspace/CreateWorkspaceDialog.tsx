import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { TextField } from "../../components/TextField";

interface CreateWorkspaceDialogProps {
  onClose: () => void;
  /** The new workspace, once `me` lists it. */
  onCreated: (workspaceId: string) => void;
}

/** Names a new team workspace; its creator becomes its owner. */
export function CreateWorkspaceDialog({ onClose, onCreated }: CreateWorkspaceDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string>();
  const create = useMutation(
    trpc.workspaces.create.mutationOptions({
      onSuccess: async (workspace) => {
        await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
        onCreated(workspace.id);
      },
    }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === "") return setProblem("Give the workspace a name, e.g. your team's.");
    setProblem(undefined);
    create.mutate({ name: name.trim() });
  };

  return (
    <Dialog
      title="Create a team workspace"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="sy-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="create-workspace" className="sy-button sy-button--primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create workspace"}
          </button>
        </>
      }
    >
      <form id="create-workspace" className="sy-form" onSubmit={onSubmit} noValidate>
        <p className="sy-muted">A place to share flows, runs and provider keys with your team. You will be its owner and can invite people next.</p>
        <TextField label="Workspace name" value={name} onChange={(e) => setName(e.target.value)} error={problem} maxLength={100} placeholder="e.g. Support team" autoFocus />
      </form>
      {create.error && <ErrorMessage title="The workspace wasn't created" error={create.error} />}
    </Dialog>
  );
}
