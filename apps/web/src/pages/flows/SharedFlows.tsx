import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { ErrorMessage } from "../../components/ErrorMessage";
import { FlowTable } from "./FlowTable";

/**
 * Flows other workspaces shared with you, whichever workspace you are in: your role on each
 * says whether you can edit and run it or only look. Hidden while there are none.
 */
export function SharedFlows({ search }: { search: string }) {
  const trpc = useTRPC();
  // Without a workspace the list spans every flow you can see; shares are the ones not reached through membership.
  const all = useQuery(trpc.flows.list.queryOptions(search ? { search } : undefined));
  const shared = all.data?.filter((f) => f.sharedWithMe) ?? [];
  if (all.isError) return <ErrorMessage title="Couldn't load the flows shared with you" error={all.error} onRetry={() => void all.refetch()} />;
  if (shared.length === 0) return null;
  return (
    <section className="sy-flow-section" aria-labelledby="shared-with-me-title">
      <h2 id="shared-with-me-title" className="sy-flow-section__title">
        Shared with me <span className="sy-count">{shared.length}</span>
      </h2>
      <p className="sy-muted">Flows from other workspaces that people shared with you. Editors can change and run them; viewers can look and fork.</p>
      <FlowTable flows={shared} shared label="Flows shared with me" />
    </section>
  );
}
