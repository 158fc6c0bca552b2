import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";

/** All flows of the workspace, or one of them; the list comes from `flows.list`. */
export function FlowFilter({ workspaceId, value, onChange }: { workspaceId: string; value: string; onChange: (flowId: string) => void }) {
  const trpc = useTRPC();
  const flows = useQuery(trpc.flows.list.queryOptions({ workspaceId }));
  return (
    <div className="sy-models__filter">
      <label htmlFor="insights-flow" className="sy-models__label">
        Flow
      </label>
      <select id="insights-flow" className="sy-input" value={value} onChange={(e) => onChange(e.target.value)} disabled={flows.isPending}>
        <option value="">All flows</option>
        {flows.data?.map((flow) => (
          <option key={flow.id} value={flow.id}>
            {flow.name}
          </option>
        ))}
        {/* A flow deleted meanwhile stays selectable until the filter changes, so the select never lies. */}
        {value && flows.data && !flows.data.some((f) => f.id === value) && <option value={value}>(deleted flow)</option>}
      </select>
      {flows.isError && <span className="sy-models__hint">Couldn't load the flows: {flows.error.message}</span>}
    </div>
  );
}
