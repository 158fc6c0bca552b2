import type { FlowNode } from "@switchyard/core";
import type { RunView } from "../run/run-view";
import { formatMs, formatUsd } from "../util/format";
import "./node-list.css";

interface RunNodeListProps {
  nodes: readonly FlowNode[];
  view: RunView;
  selected: string | undefined;
  onSelect: (nodeId: string) => void;
}

/** The run's nodes as a list of buttons: the keyboard way to reach any node's details. */
export function RunNodeList({ nodes, view, selected, onSelect }: RunNodeListProps) {
  return (
    <nav className="sy-nodelist" aria-label="Nodes of this run">
      <h2 className="sy-nodelist__title">Nodes</h2>
      <p className="sy-muted sy-nodelist__hint">
        Pick a node here or on the graph to see its prompt, output, attempts and decisions.
      </p>
      <ul>
        {nodes.map((node) => {
          const run = view.nodes[node.id];
          const status = run?.status ?? "queued";
          return (
            <li key={node.id}>
              <button
                type="button"
                className={`sy-nodelist__item${node.id === selected ? " is-selected" : ""}`}
                aria-pressed={node.id === selected}
                onClick={() => onSelect(node.id)}
              >
                <span className="sy-nodelist__id">{node.id}</span>
                <span className="sy-nodelist__type">{node.type}</span>
                <span className={`sy-pill sy-pill--${status}`}>
                  {status === "fell-back" ? "fell back" : status}
                </span>
                <span className="sy-nodelist__metric">
                  {run?.latencyMs !== undefined ? formatMs(run.latencyMs) : ""}
                </span>
                <span className="sy-nodelist__metric">
                  {run?.costUsd ? formatUsd(run.costUsd) : ""}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
