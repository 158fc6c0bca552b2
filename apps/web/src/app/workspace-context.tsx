import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { pickWorkspace, WORKSPACE_STORAGE_KEY, type WorkspaceOption } from "./workspace-choice";

interface WorkspaceContextValue {
  current: WorkspaceOption;
  workspaces: WorkspaceOption[];
  select: (id: string) => void;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

function remembered(): string | null {
  try {
    return localStorage.getItem(WORKSPACE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Makes `id` the workspace the app opens in next (pages outside the provider: an accepted invite, a fork). */
export function rememberWorkspace(id: string): void {
  try {
    localStorage.setItem(WORKSPACE_STORAGE_KEY, id);
  } catch {
    // Storage may be off (private mode); the choice then lasts for this visit only.
  }
}

/** The workspace the user is working in, remembered across visits (per browser). */
export function WorkspaceProvider({ workspaces, children }: { workspaces: WorkspaceOption[]; children: ReactNode }) {
  const [chosen, setChosen] = useState(remembered);
  const current = pickWorkspace(workspaces, chosen);
  const select = useCallback((id: string) => {
    setChosen(id);
    rememberWorkspace(id);
  }, []);
  const value = useMemo(() => (current ? { current, workspaces, select } : null), [current, workspaces, select]);
  if (!value) {
    return (
      <main className="sy-page">
        <p role="alert">Your account has no workspace. Ask a workspace owner to invite you, or sign up again.</p>
      </main>
    );
  }
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error("useWorkspace must be used inside <WorkspaceProvider>");
  return value;
}
