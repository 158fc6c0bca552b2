import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import type { UserShare } from "../../api/types";
import { ErrorMessage } from "../../components/ErrorMessage";
import { TextField } from "../../components/TextField";

type ShareRole = "viewer" | "editor";
const asShareRole = (value: string): ShareRole => (value === "editor" ? "editor" : "viewer");
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Share with someone by email, and change or stop the shares there are. */
export function SharePeople({ flowId, shares }: { flowId: string; shares: UserShare[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ShareRole>("viewer");
  const [problem, setProblem] = useState<string>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.shares.list.queryKey({ flowId }) });
  const share = useMutation(
    trpc.shares.shareWithUser.mutationOptions({
      onSuccess: () => {
        setEmail("");
        refresh();
      },
    }),
  );
  const update = useMutation(trpc.shares.updateRole.mutationOptions({ onSettled: refresh }));
  const revoke = useMutation(trpc.shares.revoke.mutationOptions({ onSettled: refresh }));

  const onShare = (event: FormEvent) => {
    event.preventDefault();
    if (!EMAIL.test(email.trim())) return setProblem("Enter the email address they signed up with.");
    setProblem(undefined);
    share.mutate({ flowId, email: email.trim(), role });
  };

  return (
    <section aria-labelledby="share-people-title">
      <h3 id="share-people-title" className="sy-share__title">
        Share with a person
      </h3>
      <form className="sy-share__form" onSubmit={onShare} aria-label="Share with a person" noValidate>
        <TextField label="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={problem} placeholder="name@example.com" maxLength={320} />
        <div className="sy-field">
          <label htmlFor="share-role" className="sy-field__label">
            Access
          </label>
          <select id="share-role" className="sy-input" value={role} onChange={(e) => setRole(asShareRole(e.target.value))}>
            <option value="viewer">viewer — can look</option>
            <option value="editor">editor — can edit and run</option>
          </select>
        </div>
        <button type="submit" className="sy-button sy-button--primary" disabled={share.isPending}>
          {share.isPending ? "Sharing…" : "Share"}
        </button>
      </form>
      {share.error && <ErrorMessage title="Not shared" error={share.error} />}
      {share.isSuccess && (
        <p className="sy-notice sy-notice--ok" role="status">
          Shared with {share.data.user?.email} as {share.data.role}. It appears under “Shared with me” in their flow list.
        </p>
      )}
      {update.error && <ErrorMessage title="Access not changed" error={update.error} />}
      {revoke.error && <ErrorMessage title="Access not removed" error={revoke.error} />}
      {shares.length === 0 ? (
        <p className="sy-muted">Not shared with anyone outside the workspace yet.</p>
      ) : (
        <ul className="sy-share__list" aria-label="People this flow is shared with">
          {shares.map((s) => {
            const label = s.user?.name || s.user?.email || "someone";
            return (
              <li key={s.id} className="sy-share__row">
                <span className="sy-share__who">
                  <strong>{s.user?.name}</strong>
                  <span className="sy-muted">{s.user?.email}</span>
                </span>
                <select
                  className="sy-input sy-select--compact"
                  aria-label={`Access of ${label}`}
                  value={s.role === "editor" ? "editor" : "viewer"}
                  disabled={update.isPending && update.variables?.shareId === s.id}
                  onChange={(e) => update.mutate({ shareId: s.id, role: asShareRole(e.target.value) })}
                >
                  <option value="viewer">viewer</option>
                  <option value="editor">editor</option>
                </select>
                <button
                  type="button"
                  className="sy-button sy-button--small sy-button--danger"
                  disabled={revoke.isPending && revoke.variables?.shareId === s.id}
                  onClick={() => revoke.mutate({ shareId: s.id })}
                  aria-label={`Stop sharing with ${label}`}
                  title="They lose access at once, including runs they are watching"
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
