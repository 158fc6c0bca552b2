import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";

interface TemplateDialogProps {
  busy: boolean;
  onPick: (document: unknown) => void;
  onClose: () => void;
}

/** The example flows, each a click away from being a new flow of your own. */
export function TemplateDialog({ busy, onPick, onClose }: TemplateDialogProps) {
  const trpc = useTRPC();
  const templates = useQuery(trpc.catalog.templates.queryOptions(undefined, { staleTime: Infinity }));
  return (
    <Dialog
      title="New flow from a template"
      onClose={onClose}
      wide
      actions={
        <button type="button" className="sy-button" onClick={onClose}>
          Cancel
        </button>
      }
    >
      {templates.isPending ? (
        <Loading label="Loading templates…" />
      ) : templates.isError ? (
        <ErrorMessage title="Couldn't load the templates" error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <TemplateList templates={templates.data} busy={busy} onPick={onPick} />
      )}
    </Dialog>
  );
}

export function TemplateList({
  templates,
  busy,
  onPick,
}: {
  templates: { id: string; name: string; description: string; document?: unknown }[];
  busy: boolean;
  onPick: (document: unknown) => void;
}) {
  return (
    <ul className="sy-templates">
      {templates.map((t) => (
        <li key={t.id}>
          <button type="button" className="sy-template" disabled={busy} onClick={() => onPick(t.document)} aria-describedby={`template-${t.id}`}>
            <span className="sy-template__name">{t.name}</span>
            <span id={`template-${t.id}`} className="sy-template__description">
              {t.description}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
