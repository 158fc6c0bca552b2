import type { ReactNode } from "react";
import { Handle, Position } from "@xyflow/react";
import { catalogEntry } from "../../catalog/node-catalog";
import { nodeIcon, nodeModel, nodeSummary } from "../../catalog/node-appearance";
import { useEditor } from "../../editor/editor-context";
import { worstSeverity } from "../../editor/problems";
import { HANDLE } from "../../editor/editor-types";
import { useNodeRun } from "../../run/run-context";
import { ProblemBadge } from "./ProblemBadge";
import { NodeRunBadges } from "./NodeRunBadges";
import type { FlowNodeProps } from "./node-props";

interface NodeShellProps extends Pick<FlowNodeProps, "id" | "type" | "data" | "selected"> {
  /** Type-specific content between the summary and the run section. */
  children?: ReactNode;
  /** Replaces the single output handle (gates and routers render one per port). */
  outputs?: ReactNode;
  /** Hide the generic summary line when the body says it better. */
  hideSummary?: boolean;
}

/** The frame every node shares: typed handles, header, summary, problems and live run state. */
export function NodeShell({ id, type, data, selected, children, outputs, hideSummary }: NodeShellProps) {
  const entry = catalogEntry(type);
  const problems = useEditor((s) => s.problems.byNode[id]);
  const run = useNodeRun(id);
  const model = nodeModel(data);
  const summary = hideSummary ? "" : nodeSummary(type, data);
  const severity = worstSeverity(problems);
  const classes = ["sy-node", `sy-node--${type}`, `sy-cat--${entry?.category ?? "unknown"}`, run ? `sy-node--run-${run.status}` : "", selected ? "is-selected" : "", severity ? `has-${severity}` : ""];
  return (
    <div className={classes.filter(Boolean).join(" ")} data-testid={`node-${id}`}>
      {entry?.inputs !== "none" && <Handle type="target" position={Position.Left} id={HANDLE.in} className="sy-handle sy-handle--in" title="Input" />}
      <header className="sy-node__header">
        <span className="sy-node__icon" aria-hidden="true">
          {nodeIcon(type)}
        </span>
        <span className="sy-node__label">{entry?.label ?? type}</span>
        <span className="sy-node__id" title={`id: ${id}`}>
          {id}
        </span>
        <ProblemBadge problems={problems} />
      </header>
      {model && (
        <div className="sy-node__model">
          <span className="sy-node__model-id">{model}</span>
          {model.startsWith("sim:") && <span className="sy-tag sy-tag--sim" title="Simulated model: offline, deterministic and free; the cost shown is what a real model of its class would charge">SIM</span>}
        </div>
      )}
      {summary && <p className="sy-node__summary">{summary}</p>}
      {children}
      {run && <NodeRunBadges run={run} />}
      {/* An output node ends the flow: offering a handle to wire out of it would only invite invalid edges. */}
      {type !== "output" && (outputs ?? <Handle type="source" position={Position.Right} id={HANDLE.out} className="sy-handle sy-handle--out" title="Output" />)}
      {entry?.canFail && (
        <Handle
          type="source"
          position={Position.Bottom}
          id={HANDLE.fallback}
          className="sy-handle sy-handle--fallback"
          title="Fallback: drag to the node that takes over when this one fails or times out"
        />
      )}
      {severity === "error" && <span className="sr-only">has errors</span>}
    </div>
  );
}
