import { memo } from "react";
import { useNodeRun } from "../../run/run-context";
import { percent } from "../../util/format";
import { NodeShell } from "./NodeShell";
import { PortHandles } from "./PortHandles";
import type { FlowNodeProps } from "./node-props";

const PORT_TITLES: Record<string, string> = {
  pass: "pass: confidence ≥ threshold",
  escalate: "escalate: confidence below threshold (or none reported)",
};

/** A gate shows its threshold, the confidence it saw, and labelled pass/escalate handles. */
export const GateNode = memo(function GateNode({ id, type, data, selected }: FlowNodeProps) {
  const run = useNodeRun(id);
  const threshold = typeof data.threshold === "number" ? data.threshold : undefined;
  const seen = run?.gate?.confidence;
  return (
    <NodeShell
      id={id}
      type={type}
      data={data}
      selected={selected}
      outputs={<PortHandles ports={["pass", "escalate"]} active={run?.gate?.decision} title={(p) => PORT_TITLES[p] ?? p} />}
    >
      <div className="sy-gauge" aria-label={`threshold ${threshold ?? "unset"}${seen !== undefined ? `, confidence ${seen}` : ""}`}>
        <div className="sy-gauge__track">
          {seen !== undefined && <div className={`sy-gauge__fill ${threshold !== undefined && seen >= threshold ? "is-pass" : "is-escalate"}`} style={{ width: percent(seen) }} />}
          {threshold !== undefined && <div className="sy-gauge__mark" style={{ left: percent(threshold) }} />}
        </div>
        <span className="sy-gauge__text">
          {seen !== undefined ? `${seen.toFixed(2)} ${threshold !== undefined && seen >= threshold ? "≥" : "<"} ` : "threshold "}
          {threshold ?? "—"}
          {data.source ? " · custom source" : ""}
        </span>
      </div>
    </NodeShell>
  );
});
