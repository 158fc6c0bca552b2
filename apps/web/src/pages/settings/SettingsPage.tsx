import { useDocumentTitle } from "../../app/use-document-title";
import { useWorkspace } from "../../app/workspace-context";
import { ApiKeysSection } from "./ApiKeysSection";
import { CredentialsSection } from "./CredentialsSection";

/** `/settings`: the current workspace's provider keys and API keys. */
export function SettingsPage() {
  useDocumentTitle("Settings");
  const { current } = useWorkspace();
  return (
    <main className="sy-page" id="content">
      <div className="sy-page__head">
        <div>
          <h1 className="sy-page__title">Settings</h1>
          <p className="sy-muted">
            for {current.name} · you are {current.role === "owner" ? "an owner" : current.role === "editor" ? "an editor" : "a viewer"}
          </p>
        </div>
      </div>
      <CredentialsSection workspaceId={current.id} role={current.role} />
      <ApiKeysSection workspaceId={current.id} workspaceName={current.name} role={current.role} />
    </main>
  );
}
