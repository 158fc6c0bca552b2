import { useId } from "react";
import { useWorkspace } from "./workspace-context";

/** Which workspace's flows, keys and settings you see; remembered per browser. */
export function WorkspaceSwitcher() {
  const { current, workspaces, select } = useWorkspace();
  const id = useId();
  return (
    <div className="sy-workspace">
      <label htmlFor={id} className="sy-workspace__label">
        Workspace
      </label>
      <select id={id} className="sy-input sy-workspace__select" value={current.id} onChange={(e) => select(e.target.value)}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name} ({w.role})
          </option>
        ))}
      </select>
    </div>
  );
}
