import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import type { LinkShare } from "../../api/types";
import { ErrorMessage } from "../../components/ErrorMessage";
import { RelativeTime } from "../../components/RelativeTime";
import { CopyField } from "../../components/CopyField";

/** Read-only links: anyone holding one sees the flow (never edits or runs it) until it is revoked. */
export function ShareLinks({ flowId, links }: { flowId: string; links: LinkShare[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.shares.list.queryKey({ flowId }) });
  const create = useMutation(trpc.shares.createLink.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(
    trpc.shares.revokeLink.mutationOptions({
      onSuccess: ({ id }) => {
        if (create.data?.id === id) create.reset();
        refresh();
      },
    }),
  );
  return (
    <section aria-labelledby="share-links-title">
      <h3 id="share-links-title" className="sy-share__title">
        Read-only links
      </h3>
      <p className="sy-muted">Anyone with a link sees the flow's latest version, signed in or not, and can fork it. A link can't be shown again; revoke it to stop it working.</p>
      {create.data && (
        <div className="sy-new-key" role="status">
          <p>
            <strong>Copy the link now.</strong> It won't be shown again.
          </p>
          <CopyField id="share-link" label="Read-only link" value={`${window.location.origin}${create.data.path}`} />
        </div>
      )}
      {create.error && <ErrorMessage title="No link created" error={create.error} />}
      {revoke.error && <ErrorMessage title="The link wasn't revoked" error={revoke.error} />}
      {links.length > 0 && (
        <ul className="sy-share__list" aria-label="Live read-only links">
          {links.map((link) => (
            <li key={link.id} className="sy-share__row">
              <span className="sy-share__who">
                <strong>Link …{link.id.slice(-6)}</strong>
                <span className="sy-muted">
                  created <RelativeTime value={link.createdAt} />
                  {link.createdBy ? ` by ${link.createdBy.name}` : ""}
                </span>
              </span>
              <button
                type="button"
                className="sy-button sy-button--small sy-button--danger"
                disabled={revoke.isPending && revoke.variables?.shareId === link.id}
                onClick={() => revoke.mutate({ shareId: link.id })}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="sy-button" disabled={create.isPending} onClick={() => create.mutate({ flowId })}>
        {create.isPending ? "Creating…" : "Create a read-only link"}
      </button>
    </section>
  );
}
