/** A workspace the user belongs to, as `me.get` lists it. */
export interface WorkspaceOption {
  id: string;
  name: string;
  personal: boolean;
  role: "owner" | "editor" | "viewer";
}

export const WORKSPACE_STORAGE_KEY = "switchyard.workspaceId";

/** The remembered workspace if the user still belongs to it; else their personal one; else the first. */
export function pickWorkspace<W extends WorkspaceOption>(workspaces: readonly W[], remembered: string | null): W | undefined {
  return workspaces.find((w) => w.id === remembered) ?? workspaces.find((w) => w.personal) ?? workspaces[0];
}

export function canEdit(role: WorkspaceOption["role"] | undefined): boolean {
  return role === "owner" || role === "editor";
}
