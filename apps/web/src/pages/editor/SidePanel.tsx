import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useEditor } from "../../editor/editor-context";
import { useRun } from "../../run/run-context";
import { useFlowSession, type SidePanelTab } from "./flow-session";

const TABS: { id: SidePanelTab; label: string }[] = [
  { id: "inspect", label: "Inspector" },
  { id: "run", label: "Run" },
  { id: "versions", label: "Versions" },
];

/**
 * The right-hand column as tabs. Every panel stays mounted (the run form keeps what you typed);
 * selecting something on the canvas brings the inspector forward.
 */
export function SidePanel({ inspector, run, versions }: { inspector: ReactNode; run: ReactNode; versions: ReactNode }) {
  const { panel, setPanel } = useFlowSession();
  const running = useRun((s) => s.view?.status === "running");
  const selected = useEditor((s) => s.nodes.some((n) => n.selected) || s.edges.some((e) => e.selected));
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    if (selected) setPanel("inspect");
  }, [selected, setPanel]);

  // Arrow keys move between tabs, as the ARIA tabs pattern has it.
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === panel);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (!next) return;
    setPanel(next.id);
    tabRefs.current[next.id]?.focus();
  };

  const content: Record<SidePanelTab, ReactNode> = { inspect: inspector, run, versions };
  return (
    <div className="sy-side">
      <div className="sy-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              tabRefs.current[tab.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-controls={`panel-${tab.id}`}
            aria-selected={panel === tab.id}
            tabIndex={panel === tab.id ? 0 : -1}
            className="sy-tabs__tab"
            onClick={() => setPanel(tab.id)}
          >
            {tab.label}
            {tab.id === "run" && running && <span className="sy-tabs__live" aria-label="(running)" />}
          </button>
        ))}
      </div>
      {TABS.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} hidden={panel !== tab.id} className="sy-side__panel">
          {content[tab.id]}
        </div>
      ))}
    </div>
  );
}
