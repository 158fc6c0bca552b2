import { useEffect } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { isNoAccess } from "../../api/errors";
import { useTRPC } from "../../api/trpc";
import { useDocumentTitle } from "../../app/use-document-title";
import { useMe } from "../../app/use-me";
import { useWorkspace } from "../../app/workspace-context";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { RoleBadge } from "../../components/RoleBadge";
import { withArticle } from "../../util/roles";
import { InviteSection } from "./InviteSection";
import { LeaveWorkspace } from "./LeaveWorkspace";
import { MemberList } from "./MemberList";
import { WorkspaceTabs } from "./WorkspaceTabs";

/** `/workspace/members`: who is in the current workspace and with which role; owners manage it here. */
export function MembersPage() {
  useDocumentTitle("Members");
  const trpc = useTRPC();
  const me = useMe();
  const { current, workspaces, select } = useWorkspace();
  const members = useQuery(trpc.workspaces.members.queryOptions({ workspaceId: current.id }));
  const queryClient = useQueryClient();
  // Removed from this workspace meanwhile: re-read your workspaces, and the switcher moves to one you are still in.
  useEffect(() => {
    if (isNoAccess(members.error)) void queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
  }, [members.error, queryClient, trpc]);
  const isOwner = current.role === "owner";
  const meId = me.data?.user?.id ?? "";
  const personal = workspaces.find((w) => w.personal && w.id !== current.id);

  return (
    <main className="sy-page" id="content">
      <div className="sy-page__head">
        <div>
          <h1 className="sy-page__title">Members</h1>
          <p className="sy-muted">
            of {current.name} · your role <RoleBadge role={current.role} />
          </p>
        </div>
      </div>
      <WorkspaceTabs isOwner={isOwner} />
      {current.personal ? (
        <p className="sy-notice">
          {current.name} is your personal workspace: it is yours alone. To work with others, create a team workspace from the workspace menu in the header, or share a
          single flow from the editor.
        </p>
      ) : !isOwner ? (
        <p className="sy-notice">
          Only owners of {current.name} can invite people, change roles or remove members; you are {withArticle(current.role)}. Ask an owner if someone's access needs
          to change.
        </p>
      ) : null}
      <section className="sy-card" aria-labelledby="members-title">
        <h2 id="members-title" className="sy-card__title">
          People
        </h2>
        <p className="sy-muted">Owners manage members, roles and keys. Editors also edit and run flows. Viewers see flows and runs.</p>
        {members.isPending ? (
          <Loading label="Loading members…" />
        ) : members.isError ? (
          <ErrorMessage title="Couldn't load the members" error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <MemberList workspaceId={current.id} workspaceName={current.name} members={members.data} meId={meId} manage={isOwner && !current.personal} />
        )}
      </section>
      {isOwner && !current.personal && <InviteSection workspaceId={current.id} />}
      {!current.personal && meId && (
        <LeaveWorkspace workspaceId={current.id} workspaceName={current.name} meId={meId} onLeft={() => personal && select(personal.id)} />
      )}
    </main>
  );
}
