import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import type { PendingInvitation } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { RelativeTime } from "../../components/RelativeTime";
import { RoleBadge } from "../../components/RoleBadge";
import { TextField } from "../../components/TextField";
import { formatDateTime } from "../../util/relative-time";
import { isRole, ROLE_ABILITIES, ROLES, type Role } from "../../util/roles";
import { InviteLinkNotice } from "./InviteLinkNotice";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Owners invite people by email and role, get a link to hand over, and see or withdraw pending invitations. */
export function InviteSection({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useQuery(trpc.workspaces.invitations.queryOptions({ workspaceId }));
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [problem, setProblem] = useState<string>();
  const [revoking, setRevoking] = useState<PendingInvitation>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.workspaces.invitations.queryKey({ workspaceId }) });
  const invite = useMutation(
    trpc.workspaces.invite.mutationOptions({
      onSuccess: () => {
        setEmail("");
        refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.workspaces.revokeInvitation.mutationOptions({
      onSuccess: () => {
        setRevoking(undefined);
        refresh();
      },
    }),
  );

  const onInvite = (event: FormEvent) => {
    event.preventDefault();
    if (!EMAIL.test(email.trim())) return setProblem("Enter the email address they sign in with.");
    setProblem(undefined);
    invite.mutate({ workspaceId, email: email.trim(), role });
  };

  return (
    <section className="sy-card" aria-labelledby="invite-title">
      <h2 id="invite-title" className="sy-card__title">
        Invite people
      </h2>
      <p className="sy-muted">Switchyard sends no email: you get a link to send them yourself. It works for 7 days, once, for the address you enter.</p>
      {invite.data && <InviteLinkNotice invitation={invite.data} onDone={() => invite.reset()} />}
      <form className="sy-inline-form" onSubmit={onInvite} aria-label="Invite someone" noValidate>
        <TextField label="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={problem} placeholder="name@example.com" maxLength={320} />
        <div className="sy-field">
          <label htmlFor="invite-role" className="sy-field__label">
            Role
          </label>
          <select id="invite-role" className="sy-input" value={role} onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r} — {ROLE_ABILITIES[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="sy-button sy-button--primary" disabled={invite.isPending}>
          {invite.isPending ? "Creating link…" : "Create invitation link"}
        </button>
      </form>
      {invite.error && <ErrorMessage title="No invitation created" error={invite.error} />}

      <h3 className="sy-card__subtitle">Pending invitations</h3>
      {pending.isPending ? (
        <Loading label="Loading invitations…" />
      ) : pending.isError ? (
        <ErrorMessage title="Couldn't load the invitations" error={pending.error} onRetry={() => void pending.refetch()} />
      ) : pending.data.length === 0 ? (
        <p className="sy-muted">No invitations waiting.</p>
      ) : (
        <table className="sy-table" aria-label="Pending invitations">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Invited</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pending.data.map((inv) => (
              <tr key={inv.id}>
                <td className="sy-table__main">{inv.email}</td>
                <td>
                  <RoleBadge role={inv.role} />
                </td>
                <td>
                  <RelativeTime value={inv.createdAt} />
                  <span className="sy-muted"> by {inv.invitedBy.name}</span>
                </td>
                <td>{formatDateTime(inv.expiresAt)}</td>
                <td className="sy-table__actions">
                  <button type="button" className="sy-button sy-button--small sy-button--danger" onClick={() => setRevoking(inv)} aria-label={`Withdraw the invitation for ${inv.email}`}>
                    Withdraw
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Withdraw the invitation for ${revoking.email}?`}
          confirmLabel="Withdraw invitation"
          danger
          busy={revoke.isPending}
          error={revoke.error}
          onCancel={() => {
            revoke.reset();
            setRevoking(undefined);
          }}
          onConfirm={() => revoke.mutate({ workspaceId, id: revoking.id })}
        >
          <p>The link stops working at once. You can invite them again later.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
