import type { DragEvent } from "react";
import { paletteGroups } from "../catalog/node-catalog";
import { nodeIcon } from "../catalog/node-appearance";
import { NODE_DRAG_TYPE } from "./palette-drag";

const GROUPS = paletteGroups();

const SHORTCUTS: [string, string][] = [
  ["L", "auto-layout"],
  ["Del", "delete"],
  ["Ctrl Z / Y", "undo / redo"],
  ["Ctrl C / V", "copy / paste"],
  ["Ctrl A", "select all"],
];

/** Node types grouped by category: drag one onto the canvas, or click to add it in view. */
export function Palette({ onAdd, readOnly = false }: { onAdd: (type: string) => void; readOnly?: boolean }) {
  const onDragStart = (event: DragEvent<HTMLButtonElement>, type: string) => {
    event.dataTransfer.setData(NODE_DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = "copy";
  };
  return (
    <nav className="sy-palette" aria-label="Node palette">
      {GROUPS.map((group) => (
        <section key={group.category} className="sy-palette__group">
          <h2 className="sy-palette__heading">{group.label}</h2>
          <ul>
            {group.entries.map((entry) => (
              <li key={entry.type}>
                <button
                  type="button"
                  className="sy-palette__item"
                  draggable={!readOnly}
                  disabled={readOnly}
                  onDragStart={(e) => onDragStart(e, entry.type)}
                  onClick={() => onAdd(entry.type)}
                  title={`${entry.description}\nClick to add, or drag onto the canvas.`}
                  aria-label={`Add ${entry.label} node`}
                >
                  <span className={`sy-palette__icon sy-palette__icon--${entry.category}`} aria-hidden="true">
                    {nodeIcon(entry.type)}
                  </span>
                  <span className="sy-palette__label">{entry.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="sy-palette__help" aria-label="How to connect and shortcuts">
        <p>
          <span className="sy-dot sy-dot--data" aria-hidden="true" /> right: data edge
        </p>
        <p>
          <span className="sy-dot sy-dot--fallback" aria-hidden="true" /> bottom: fallback edge
        </p>
        <dl className="sy-keys">
          {SHORTCUTS.map(([keys, action]) => (
            <div key={action}>
              <dt>{keys}</dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
      </section>
    </nav>
  );
}
