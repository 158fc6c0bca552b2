import { useId, useState } from "react";
import { useLocation } from "wouter";
import { CreateWorkspaceDialog } from "../pages/workspace/CreateWorkspaceDialog";
import { useWorkspace } from "./workspace-context";

/** The select's last entry opens the dialog instead of switching. */
const CREATE = "__create__";

/** Which workspace's flows, keys and settings you see; remembered per browser. Its last entry creates a team workspace. */
export function WorkspaceSwitcher() {
  const { current, workspaces, select } = useWorkspace();
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const id = useId();
  return (
    <div className="sy-workspace">
      <label htmlFor={id} className="sy-workspace__label">
        Workspace
      </label>
      <select
        id={id}
        className="sy-input sy-workspace__select"
        value={current.id}
        onChange={(e) => (e.target.value === CREATE ? setCreating(true) : select(e.target.value))}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name} ({w.role})
          </option>
        ))}
        <option value={CREATE}>＋ Create team workspace…</option>
      </select>
      {creating && (
        <CreateWorkspaceDialog
          onClose={() => setCreating(false)}
          onCreated={(workspaceId) => {
            setCreating(false);
            select(workspaceId);
            navigate("/workspace/members");
          }}
        />
      )}
    </div>
  );
}
