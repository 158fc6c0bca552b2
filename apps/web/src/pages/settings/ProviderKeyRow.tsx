import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import type { CredentialSummary } from "../../api/types";
import type { WorkspaceOption } from "../../app/workspace-choice";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { RelativeTime } from "../../components/RelativeTime";

interface ProviderKeyRowProps {
  workspaceId: string;
  provider: { id: string; label: string; placeholder: string };
  role: WorkspaceOption["role"];
  stored: CredentialSummary | undefined;
}

type TestResult = { ok: true; models: string[] } | { ok: false; message: string };

/** One provider: whether a key is stored (by its last characters only), replace, test or remove it. */
export function ProviderKeyRow({ workspaceId, provider, role, stored }: ProviderKeyRowProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [key, setKey] = useState("");
  const [testResult, setTestResult] = useState<TestResult>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const owner = role === "owner";
  const inputId = `key-${provider.id}`;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.credentials.list.queryKey({ workspaceId }) });
    // Which models are callable changed with the key.
    void queryClient.invalidateQueries({ queryKey: trpc.catalog.models.queryKey() });
  };
  const save = useMutation(
    trpc.credentials.set.mutationOptions({
      onSuccess: () => {
        setKey("");
        refresh();
      },
    }),
  );
  const test = useMutation(trpc.credentials.test.mutationOptions({ onSuccess: setTestResult }));
  const remove = useMutation(
    trpc.credentials.delete.mutationOptions({
      onSuccess: () => {
        setConfirmDelete(false);
        setTestResult(undefined);
        refresh();
      },
    }),
  );

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    setTestResult(undefined);
    save.mutate({ workspaceId, provider: provider.id, key });
  };
  const onTest = () => {
    setTestResult(undefined);
    test.mutate({ workspaceId, provider: provider.id, ...(key.trim() ? { key: key.trim() } : {}) });
  };

  return (
    <li className="sy-provider">
      <div className="sy-provider__head">
        <h3 className="sy-provider__name">{provider.label}</h3>
        {stored ? (
          <span className="sy-provider__state">
            <span className="sy-pill sy-pill--done">key saved</span> <code>{stored.keyHint}</code> · <RelativeTime value={stored.updatedAt} />
            {stored.createdBy && <> by {stored.createdBy.name}</>}
          </span>
        ) : (
          <span className="sy-provider__state">
            <span className="sy-pill">no key</span>
          </span>
        )}
      </div>
      <form className="sy-provider__form" onSubmit={onSave} aria-label={`${provider.label} key`}>
        {owner && (
          <>
            <label htmlFor={inputId} className="sr-only">
              {stored ? `New ${provider.label} API key` : `${provider.label} API key`}
            </label>
            <input
              id={inputId}
              className="sy-input sy-input--mono"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder={stored ? `Replace with a new key (${provider.placeholder})` : `Paste a key (${provider.placeholder})`}
              value={key}
              onChange={(e) => setKey(e.target.value)}
            />
            <button type="submit" className="sy-button sy-button--primary" disabled={key.trim() === "" || save.isPending}>
              {save.isPending ? "Saving…" : "Save key"}
            </button>
          </>
        )}
        {role !== "viewer" && (
          <button type="button" className="sy-button" onClick={onTest} disabled={test.isPending || (!stored && key.trim() === "")}>
            {test.isPending ? "Testing…" : key.trim() ? "Test this key" : "Test saved key"}
          </button>
        )}
        {owner && stored && (
          <button type="button" className="sy-button sy-button--danger" onClick={() => setConfirmDelete(true)}>
            Remove
          </button>
        )}
      </form>
      {save.isSuccess && !key && (
        <p className="sy-notice sy-notice--ok" role="status">
          Saved. The key is stored encrypted and won't be shown again.
        </p>
      )}
      {save.error && <ErrorMessage title="Not saved" error={save.error} />}
      {test.error && <ErrorMessage title="Test failed" error={test.error} />}
      {testResult && (
        <p className={`sy-notice ${testResult.ok ? "sy-notice--ok" : "sy-notice--error"}`} role={testResult.ok ? "status" : "alert"}>
          {testResult.ok ? (
            <>
              The key works. It unlocks {testResult.models.length} model{testResult.models.length === 1 ? "" : "s"}:{" "}
              <span className="sy-mono">{testResult.models.join(", ")}</span>
            </>
          ) : (
            <>The key was refused: {testResult.message}</>
          )}
        </p>
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={`Remove the ${provider.label} key?`}
          confirmLabel="Remove key"
          danger
          busy={remove.isPending}
          error={remove.error}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => remove.mutate({ workspaceId, provider: provider.id })}
        >
          <p>Flows in this workspace that use {provider.label} models will fail (or take their fallbacks) until a key is added again.</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
