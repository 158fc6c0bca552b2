import { useRef, useState, type ChangeEvent } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { useDocumentTitle } from "../../app/use-document-title";
import { useWorkspace } from "../../app/workspace-context";
import { canEdit } from "../../app/workspace-choice";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { parseFlowFile } from "../../editor/flow-file";
import { useDebounced } from "../../util/use-debounced";
import { FlowTable, type FlowRow } from "./FlowTable";
import { EmptyFlows } from "./EmptyFlows";
import { SharedFlows } from "./SharedFlows";
import { TemplateDialog } from "./TemplateDialog";
import { useFlowActions } from "./use-flow-actions";

/** `/`: the current workspace's flows, and ways to start a new one. */
export function FlowListPage() {
  useDocumentTitle("Flows");
  const trpc = useTRPC();
  const { current } = useWorkspace();
  const editable = canEdit(current.role);
  const [search, setSearch] = useState("");
  const term = useDebounced(search.trim());
  const flows = useQuery(trpc.flows.list.queryOptions({ workspaceId: current.id, ...(term ? { search: term } : {}) }, { placeholderData: keepPreviousData }));
  const actions = useFlowActions(current.id);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const [fileError, setFileError] = useState<string>();
  const [deleting, setDeleting] = useState<FlowRow>();
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setFileError(undefined);
    const parsed = parseFlowFile(await file.text());
    if (!parsed.ok) return setFileError(`${file.name} can't be imported: ${parsed.message}.`);
    actions.importDocument(parsed.document);
  };

  const noFlowsAtAll = flows.isSuccess && flows.data.length === 0 && term === "" && !flows.isPlaceholderData;
  const disabledReason = editable ? undefined : `You have view access to ${current.name}; ask an owner for edit access to create flows.`;

  return (
    <main className="sy-page" id="content">
      <div className="sy-page__head">
        <div>
          <h1 className="sy-page__title">Flows</h1>
          <p className="sy-muted">in {current.name}</p>
        </div>
        <div className="sy-row" role="group" aria-label="New flow">
          <button type="button" className="sy-button sy-button--primary" disabled={!editable || actions.creating} title={disabledReason} onClick={actions.createEmpty}>
            New flow
          </button>
          <button type="button" className="sy-button" disabled={!editable || actions.creating} title={disabledReason} onClick={() => setTemplatesOpen(true)}>
            New from template
          </button>
          <button type="button" className="sy-button" disabled={!editable || actions.creating} title={disabledReason} onClick={() => fileInput.current?.click()}>
            Import JSON
          </button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={(e) => void onFile(e)} aria-label="Flow file to import" />
        </div>
      </div>
      {!editable && <p className="sy-notice">{disabledReason}</p>}
      {fileError && (
        <p className="sy-notice sy-notice--error" role="alert">
          {fileError}
        </p>
      )}
      {actions.createError && <ErrorMessage title="Couldn't create the flow" error={actions.createError} />}
      {actions.creating && <Loading label="Creating the flow…" />}

      {!noFlowsAtAll && (
        <div className="sy-search">
          <label htmlFor="flow-search" className="sr-only">
            Search flows by name
          </label>
          <input
            id="flow-search"
            type="search"
            className="sy-input sy-search__input"
            placeholder="Search flows by name…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {flows.isFetching && !flows.isPending && <span className="sy-spinner" role="status" aria-label="Searching" />}
        </div>
      )}

      {flows.isPending ? (
        <Loading label="Loading flows…" />
      ) : flows.isError ? (
        <ErrorMessage title="Couldn't load your flows" error={flows.error} onRetry={() => void flows.refetch()} />
      ) : noFlowsAtAll ? (
        <EmptyFlows editable={editable} busy={actions.creating} onEmpty={actions.createEmpty} onTemplate={actions.importDocument} />
      ) : flows.data.length === 0 ? (
        <p className="sy-empty-result" role="status">
          No flows match “{term}”.
        </p>
      ) : (
        <FlowTable flows={flows.data} canDelete={editable} onDelete={setDeleting} label={`Flows in ${current.name}`} />
      )}

      <SharedFlows search={term} />

      {templatesOpen && (
        <TemplateDialog
          busy={actions.creating}
          onClose={() => setTemplatesOpen(false)}
          onPick={(doc) => {
            setTemplatesOpen(false);
            actions.importDocument(doc);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete flow"
          danger
          busy={actions.remove.isPending}
          error={actions.remove.error}
          onCancel={() => {
            actions.remove.reset();
            setDeleting(undefined);
          }}
          onConfirm={() => actions.remove.mutate({ id: deleting.id }, { onSuccess: () => setDeleting(undefined) })}
        >
          <p>The flow disappears for everyone in {current.name}. Its past runs stay in the records.</p>
        </ConfirmDialog>
      )}
    </main>
  );
}
