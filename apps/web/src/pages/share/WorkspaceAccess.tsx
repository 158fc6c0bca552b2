import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { useTRPC } from "../../api/trpc";
import { RoleBadge } from "../../components/RoleBadge";

/** Everyone in the flow's workspace has access through their role there; the members page changes that. */
export function WorkspaceAccess({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.workspaces.members.queryOptions({ workspaceId }));
  return (
    <section aria-labelledby="share-members-title">
      <h3 id="share-members-title" className="sy-share__title">
        Members of {workspaceName}
      </h3>
      <p className="sy-muted">
        They have access through their workspace role. <Link href="/workspace/members">Manage members</Link>
      </p>
      {members.data && (
        <ul className="sy-share__list" aria-label={`Members of ${workspaceName}`}>
          {members.data.map((m) => (
            <li key={m.userId} className="sy-share__row">
              <span className="sy-share__who">
                <strong>{m.user.name}</strong>
                <span className="sy-muted">{m.user.email}</span>
              </span>
              <RoleBadge role={m.role} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
