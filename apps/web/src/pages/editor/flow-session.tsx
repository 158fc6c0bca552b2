import { createContext, useContext } from "react";
import type { FlowRole } from "./run-blockers";
import type { KeptDraft } from "./use-editor-start";

export type SidePanelTab = "inspect" | "run" | "versions";

/** Why the flow can't be edited here, with the way out when there is one. */
export type ReadOnly = { kind: "viewer" } | { kind: "old-version"; version: number } | { kind: "no-access" };

export interface SaveState {
  saving: boolean;
  /** A failed save; `conflict` when someone else saved first. */
  error?: { message: string; conflict: boolean };
}

/** The open flow as the editor's panels share it: who may do what, and its saved state. */
export interface FlowSession {
  flowId: string;
  workspaceId: string;
  role: FlowRole;
  /** Your role in the flow's workspace; undefined when the flow reaches you only through a share. */
  workspaceRole: FlowRole | undefined;
  /** The flow was open, and then the server stopped letting you see it (a share revoked, removed from the workspace). */
  accessLost: boolean;
  /** Something answered "not found"/"forbidden": ask the server again whether the flow is still yours to see. */
  checkAccess: () => void;
  readOnly: ReadOnly | undefined;
  /** The newest version on the server (refreshed in the background). */
  latestVersion: number;
  /** The version the canvas started from (or was last saved as). */
  baseVersion: number;
  dirty: boolean;
  saveState: SaveState;
  /** Saves the canvas as a new version; resolves to its number, or undefined when it failed (see saveState). */
  save: (options?: { overwrite?: boolean }) => Promise<number | undefined>;
  dismissSaveError: () => void;
  /** Throws the canvas away and loads the newest version from the server. */
  reload: () => void;
  /** Unsaved changes kept from before the user signed in again, while the editor still tells of them. */
  keptDraft: KeptDraft | undefined;
  dismissKeptDraft: () => void;
  /** Throws the kept changes away (and, when they are on the canvas, loads the saved version). */
  discardKeptDraft: () => void;
  panel: SidePanelTab;
  setPanel: (tab: SidePanelTab) => void;
}

export const FlowSessionContext = createContext<FlowSession | null>(null);

export function useFlowSession(): FlowSession {
  const session = useContext(FlowSessionContext);
  if (!session) throw new Error("useFlowSession must be used inside the flow editor");
  return session;
}
