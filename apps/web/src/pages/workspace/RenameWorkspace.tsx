import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { ErrorMessage } from "../../components/ErrorMessage";
import { TextField } from "../../components/TextField";

interface RenameWorkspaceProps {
  workspaceId: string;
  name: string;
}

/** The workspace's name, as every member sees it in the header's switcher. */
export function RenameWorkspace({ workspaceId, name }: RenameWorkspaceProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(name);
  const [problem, setProblem] = useState<string>();
  const rename = useMutation(
    trpc.workspaces.rename.mutationOptions({
      // The switcher and page titles read the name from `me.get`.
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() }),
    }),
  );
  const unchanged = draft.trim() === name;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === "") return setProblem("Give the workspace a name, e.g. your team's.");
    setProblem(undefined);
    rename.mutate({ workspaceId, name: draft.trim() });
  };

  return (
    <section className="sy-card" aria-labelledby="rename-title">
      <h2 id="rename-title" className="sy-card__title">
        Name
      </h2>
      <p className="sy-muted">Everyone in the workspace sees it in the workspace menu; the audit log keeps the old name.</p>
      <form className="sy-rename-form" onSubmit={onSubmit} aria-label="Rename the workspace" noValidate>
        <TextField
          label="Workspace name"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            rename.reset();
          }}
          error={problem}
          maxLength={100}
        />
        <button type="submit" className="sy-button sy-button--primary" disabled={rename.isPending || unchanged}>
          {rename.isPending ? "Renaming…" : "Rename"}
        </button>
        {rename.isSuccess && unchanged && (
          <span className="sy-rename-form__done" role="status">
            Renamed.
          </span>
        )}
      </form>
      {rename.error && <ErrorMessage title="The workspace wasn't renamed" error={rename.error} />}
    </section>
  );
}
