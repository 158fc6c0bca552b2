import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import type { ApiKeySummary } from "../../api/types";
import type { WorkspaceOption } from "../../app/workspace-choice";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { TextField } from "../../components/TextField";
import { ApiKeyTable } from "./ApiKeyTable";
import { NewKeyNotice } from "./NewKeyNotice";

interface ApiKeysSectionProps {
  workspaceId: string;
  workspaceName: string;
  role: WorkspaceOption["role"];
}

/** Keys for programs (CLI, CI, the REST API) acting in this workspace; owners only. */
export function ApiKeysSection({ workspaceId, workspaceName, role }: ApiKeysSectionProps) {
  return (
    <section className="sy-card" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title" className="sy-card__title">
        API keys
      </h2>
      <p className="sy-muted">
        Programs use these to run flows over HTTP: <code>Authorization: Bearer sy_…</code>. A key acts in {workspaceName} with the role you give it.
      </p>
      {role === "owner" ? <OwnerApiKeys workspaceId={workspaceId} /> : <p className="sy-notice">Only owners of {workspaceName} can see and manage its API keys.</p>}
    </section>
  );
}

function OwnerApiKeys({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ workspaceId }));
  const [name, setName] = useState("");
  const [keyRole, setKeyRole] = useState<"editor" | "viewer">("editor");
  const [nameError, setNameError] = useState<string>();
  const [revoking, setRevoking] = useState<ApiKeySummary>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey({ workspaceId }) });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => {
        setName("");
        refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        setRevoking(undefined);
        refresh();
      },
    }),
  );

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === "") return setNameError("Name the key after what will use it, e.g. “CI pipeline”.");
    setNameError(undefined);
    create.mutate({ workspaceId, name: name.trim(), role: keyRole });
  };

  return (
    <>
      {create.data && <NewKeyNotice name={create.data.name} secret={create.data.key} onDone={() => create.reset()} />}
      <form className="sy-inline-form" onSubmit={onCreate} aria-label="Create an API key" noValidate>
        <TextField label="Key name" value={name} onChange={(e) => setName(e.target.value)} error={nameError} placeholder="e.g. CI pipeline" maxLength={100} />
        <div className="sy-field">
          <label htmlFor="api-key-role" className="sy-field__label">
            Role
          </label>
          <select id="api-key-role" className="sy-input" value={keyRole} onChange={(e) => setKeyRole(e.target.value === "viewer" ? "viewer" : "editor")}>
            <option value="editor">editor — can run and change flows</option>
            <option value="viewer">viewer — can read flows and runs</option>
          </select>
        </div>
        <button type="submit" className="sy-button sy-button--primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </form>
      {create.error && <ErrorMessage title="Key not created" error={create.error} />}
      {keys.isPending ? (
        <Loading label="Loading API keys…" />
      ) : keys.isError ? (
        <ErrorMessage title="Couldn't load the API keys" error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <p className="sy-muted">No API keys yet.</p>
      ) : (
        <ApiKeyTable keys={keys.data} onRevoke={setRevoking} />
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke key"
          danger
          busy={revoke.isPending}
          error={revoke.error}
          onCancel={() => {
            revoke.reset();
            setRevoking(undefined);
          }}
          onConfirm={() => revoke.mutate({ workspaceId, id: revoking.id })}
        >
          <p>Programs using this key stop working at once. This can't be undone; create a new key to replace it.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
