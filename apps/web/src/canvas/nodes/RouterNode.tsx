import { memo } from "react";
import { namedOutputPorts } from "../../catalog/node-catalog";
import { useNodeRun } from "../../run/run-context";
import { NodeShell } from "./NodeShell";
import { PortHandles } from "./PortHandles";
import type { FlowNodeProps } from "./node-props";

/** A router shows its strategy and one labelled handle per route; the chosen route lights up in a run. */
export const RouterNode = memo(function RouterNode({ id, type, data, selected }: FlowNodeProps) {
  const run = useNodeRun(id);
  const ports = namedOutputPorts(type, data);
  const strategy = typeof data.strategy === "string" ? data.strategy : "keyword";
  const fallbackRoute = typeof data.default === "string" ? data.default : undefined;
  return (
    <NodeShell
      id={id}
      type={type}
      data={data}
      selected={selected}
      outputs={<PortHandles ports={ports} active={run?.route?.name} title={(p) => `route ${p}${p === fallbackRoute ? " (default)" : ""}`} />}
    >
      <p className="sy-node__summary">
        by {strategy}
        {fallbackRoute ? ` · default ${fallbackRoute}` : ""}
      </p>
      {run?.route?.reason && <p className="sy-node__detail">{run.route.reason}</p>}
    </NodeShell>
  );
});
