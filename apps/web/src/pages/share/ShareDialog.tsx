import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { ShareLinks } from "./ShareLinks";
import { SharePeople } from "./SharePeople";
import { WorkspaceAccess } from "./WorkspaceAccess";

interface ShareDialogProps {
  flowId: string;
  flowName: string;
  workspaceId: string;
  workspaceName: string;
  onClose: () => void;
}

/** Who can see or edit this flow: its workspace's members, people it is shared with, and read-only links. */
export function ShareDialog({ flowId, flowName, workspaceId, workspaceName, onClose }: ShareDialogProps) {
  const trpc = useTRPC();
  const shares = useQuery(trpc.shares.list.queryOptions({ flowId }));
  return (
    <Dialog
      title={`Share “${flowName}”`}
      onClose={onClose}
      wide
      actions={
        <button type="button" className="sy-button" onClick={onClose}>
          Done
        </button>
      }
    >
      {shares.isPending ? (
        <Loading label="Loading who has access…" />
      ) : shares.isError ? (
        <ErrorMessage title="Couldn't load who has access" error={shares.error} onRetry={() => void shares.refetch()} />
      ) : (
        <div className="sy-share">
          <SharePeople flowId={flowId} shares={shares.data.users} />
          <WorkspaceAccess workspaceId={workspaceId} workspaceName={workspaceName} />
          <ShareLinks flowId={flowId} links={shares.data.links} />
        </div>
      )}
    </Dialog>
  );
}
