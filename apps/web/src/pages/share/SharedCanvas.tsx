import { useMemo, useState } from "react";
import type { FlowDocument } from "@switchyard/core";
import { RunGraph } from "../../inspect/RunGraph";
import { emptyRunView, runGraphOf } from "../../run/run-view";
import "../runs/detail.css";

/** The flow on the canvas, read-only; selecting a node shows its settings beside it, as text. */
export function SharedCanvas({ document }: { document: FlowDocument }) {
  const view = useMemo(() => emptyRunView(runGraphOf(document)), [document]);
  const [selected, setSelected] = useState<string>();
  const node = document.nodes.find((n) => n.id === selected);
  return (
    <main className="sy-shared__main" id="content">
      <div className="sy-shared__graph">
        <RunGraph document={document} view={view} selected={selected} onSelect={setSelected} />
      </div>
      <aside className="sy-shared__side" aria-label="Node settings">
        {node ? (
          <>
            <h2 className="sy-inspector__title">
              {node.id} <span className="sy-muted">({node.type})</span>
            </h2>
            <pre className="sy-output sy-shared__json">{JSON.stringify(node.data ?? {}, null, 2)}</pre>
            <button type="button" className="sy-button sy-button--small" onClick={() => setSelected(undefined)}>
              Close
            </button>
          </>
        ) : (
          <>
            <h2 className="sy-inspector__title">Inputs</h2>
            <ul className="sy-shared__inputs">
              {document.inputs.map((input) => (
                <li key={input.name}>
                  <code>{input.name}</code> <span className="sy-muted">{input.type}</span>
                </li>
              ))}
            </ul>
            <p className="sy-muted">Select a node to see its settings.</p>
          </>
        )}
      </aside>
    </main>
  );
}
