import { useDocumentTitle } from "../../app/use-document-title";
import { useWorkspace } from "../../app/workspace-context";
import { RoleBadge } from "../../components/RoleBadge";
import { withArticle } from "../../util/roles";
import { DeleteWorkspace } from "./DeleteWorkspace";
import { RenameWorkspace } from "./RenameWorkspace";
import { WorkspaceTabs } from "./WorkspaceTabs";
import "./workspace-settings.css";

/** `/workspace/settings`: owners rename the current workspace, or delete it when it is a team's. */
export function WorkspaceSettingsPage() {
  useDocumentTitle("Workspace settings");
  const { current, workspaces, select } = useWorkspace();
  const isOwner = current.role === "owner";
  const personal = workspaces.find((w) => w.personal && w.id !== current.id);
  return (
    <main className="sy-page" id="content">
      <div className="sy-page__head">
        <div>
          <h1 className="sy-page__title">Workspace settings</h1>
          <p className="sy-muted">
            of {current.name} · your role <RoleBadge role={current.role} />
          </p>
        </div>
      </div>
      <WorkspaceTabs isOwner={isOwner} />
      {!isOwner ? (
        <p className="sy-notice">
          Only owners of {current.name} can rename or delete it; you are {withArticle(current.role)}.
        </p>
      ) : (
        <>
          {/* Keyed: switching workspaces starts the form over with the other name. */}
          <RenameWorkspace key={`rename-${current.id}`} workspaceId={current.id} name={current.name} />
          {current.personal ? (
            <p className="sy-notice">{current.name} is your personal workspace: it can be renamed but not deleted.</p>
          ) : (
            <DeleteWorkspace key={`delete-${current.id}`} workspaceId={current.id} workspaceName={current.name} onDeleted={() => personal && select(personal.id)} />
          )}
        </>
      )}
    </main>
  );
}
