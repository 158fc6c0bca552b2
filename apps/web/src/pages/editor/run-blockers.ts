export type FlowRole = "owner" | "editor" | "viewer";

export interface RunConditions {
  role: FlowRole;
  /** The flow is no longer yours to see (a share revoked while it was open). */
  accessLost?: boolean;
  /** Validation errors in the flow (warnings don't block). */
  errors: number;
  /** Unsaved changes: runs use a saved version. */
  dirty: boolean;
  /** A run of this flow is being followed and hasn't finished. */
  running: boolean;
}

export interface RunBlocker {
  reason: string;
  /** Saving would unblock it: offer "Save and run". */
  saveFirst: boolean;
}

/** Why "Run" is disabled right now, or undefined when it isn't. The first reason that applies wins. */
export function runBlocker(c: RunConditions): RunBlocker | undefined {
  if (c.accessLost) return { reason: "You no longer have access to this flow.", saveFirst: false };
  if (c.role === "viewer") return { reason: "You have view access to this flow; only editors can start runs.", saveFirst: false };
  if (c.running) return { reason: "A run is in progress; cancel it or wait for it to finish.", saveFirst: false };
  if (c.errors > 0) return { reason: `Fix the ${c.errors === 1 ? "error" : `${c.errors} errors`} in the flow first (listed under Flow settings).`, saveFirst: false };
  if (c.dirty) return { reason: "You have unsaved changes; runs use the saved version.", saveFirst: true };
  return undefined;
}
