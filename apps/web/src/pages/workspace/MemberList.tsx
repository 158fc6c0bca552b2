import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import type { WorkspaceMember } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { RelativeTime } from "../../components/RelativeTime";
import { RoleBadge } from "../../components/RoleBadge";
import { isRole, ROLE_ABILITIES, ROLES } from "../../util/roles";

interface MemberListProps {
  workspaceId: string;
  workspaceName: string;
  members: WorkspaceMember[];
  /** The signed-in user. */
  meId: string;
  /** Owners change roles and remove members; everyone else reads. */
  manage: boolean;
}

/** Everyone in the workspace with their role; owners change roles and remove people here. */
export function MemberList({ workspaceId, workspaceName, members, meId, manage }: MemberListProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<WorkspaceMember>();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.workspaces.members.queryKey({ workspaceId }) });
    // Your own role may be what changed.
    void queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
  };
  const setRole = useMutation(trpc.workspaces.setRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(
    trpc.workspaces.removeMember.mutationOptions({
      onSuccess: () => {
        setRemoving(undefined);
        refresh();
      },
    }),
  );

  return (
    <>
      {setRole.error && <ErrorMessage title="The role wasn't changed" error={setRole.error} />}
      <table className="sy-table sy-members">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            {manage && (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const you = m.userId === meId;
            const label = m.user.name || m.user.email;
            return (
              <tr key={m.userId}>
                <td className="sy-table__main">
                  <span className="sy-member">
                    <span className="sy-avatar sy-avatar--light" aria-hidden="true">
                      {label.slice(0, 1).toUpperCase()}
                    </span>
                    <span>
                      <strong>{m.user.name}</strong>
                      {you && <span className="sy-muted"> (you)</span>}
                      <span className="sy-table__sub">{m.user.email}</span>
                    </span>
                  </span>
                </td>
                <td>
                  {manage ? (
                    <select
                      className="sy-input sy-select--compact"
                      aria-label={`Role of ${label}`}
                      value={m.role}
                      disabled={setRole.isPending && setRole.variables?.userId === m.userId}
                      onChange={(e) => isRole(e.target.value) && setRole.mutate({ workspaceId, userId: m.userId, role: e.target.value })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r} title={ROLE_ABILITIES[r]}>
                          {r}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <RoleBadge role={m.role} />
                  )}
                </td>
                <td>
                  <RelativeTime value={m.createdAt} />
                </td>
                {manage && (
                  <td className="sy-table__actions">
                    {!you && (
                      <button type="button" className="sy-button sy-button--small sy-button--danger" onClick={() => setRemoving(m)} aria-label={`Remove ${label}`}>
                        Remove
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.user.name || removing.user.email}?`}
          confirmLabel="Remove from workspace"
          danger
          busy={remove.isPending}
          error={remove.error}
          onCancel={() => {
            remove.reset();
            setRemoving(undefined);
          }}
          onConfirm={() => remove.mutate({ workspaceId, userId: removing.userId })}
        >
          <p>
            {removing.user.email} loses access to {workspaceName}'s flows, runs and keys at once, including any run they are watching. Flows shared with them directly stay
            shared.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
