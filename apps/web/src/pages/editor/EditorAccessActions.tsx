import { useState } from "react";
import { useLocation } from "wouter";
import { useWorkspace } from "../../app/workspace-context";
import { canEdit } from "../../app/workspace-choice";
import { RoleBadge } from "../../components/RoleBadge";
import { useEditor } from "../../editor/editor-context";
import { ForkDialog } from "../share/ForkDialog";
import { ShareDialog } from "../share/ShareDialog";
import { useFlowSession } from "./flow-session";

/** Your role on the flow, and what it lets you do with it beyond editing: share it (its workspace's editors), fork it (anyone who sees it). */
export function EditorAccessActions() {
  const session = useFlowSession();
  const { workspaces, current, select } = useWorkspace();
  const [, navigate] = useLocation();
  const name = useEditor((s) => s.meta.name);
  const [open, setOpen] = useState<"share" | "fork">();
  const canShare = canEdit(session.workspaceRole) && !session.accessLost;
  const workspaceName = workspaces.find((w) => w.id === session.workspaceId)?.name ?? "its workspace";
  return (
    <>
      {session.accessLost ? (
        <span className="sy-role sy-role--none" title="You can no longer see this flow">
          no access
        </span>
      ) : (
        <RoleBadge role={session.role} shared={session.workspaceRole === undefined} />
      )}
      {canShare && (
        <button type="button" className="sy-button" onClick={() => setOpen("share")} title="Share with people, or by a read-only link">
          Share
        </button>
      )}
      <button
        type="button"
        className="sy-button"
        onClick={() => setOpen("fork")}
        disabled={session.accessLost}
        title="Copy the latest saved version into a workspace of yours, as a new flow"
      >
        Fork
      </button>
      {open === "share" && <ShareDialog flowId={session.flowId} flowName={name} workspaceId={session.workspaceId} workspaceName={workspaceName} onClose={() => setOpen(undefined)} />}
      {open === "fork" && (
        <ForkDialog
          flowId={session.flowId}
          flowName={name}
          preferredWorkspaceId={current.id}
          onClose={() => setOpen(undefined)}
          onForked={({ flowId, workspaceId }) => {
            setOpen(undefined);
            select(workspaceId);
            navigate(`/flows/${flowId}`);
          }}
        />
      )}
    </>
  );
}
