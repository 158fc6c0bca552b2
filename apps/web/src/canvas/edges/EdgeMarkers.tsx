import { MARKER } from "./edge-props";

const COLORS: Record<keyof typeof MARKER, string> = {
  plain: "var(--edge)",
  accent: "var(--accent)",
  warm: "var(--warm)",
  error: "var(--danger)",
};

/** Arrowheads for the custom edges, one per colour (SVG markers can't inherit the stroke everywhere yet). */
export function EdgeMarkers() {
  return (
    <svg className="sy-edge-markers" aria-hidden="true">
      <defs>
        {(Object.keys(MARKER) as (keyof typeof MARKER)[]).map((key) => (
          <marker
            key={key}
            id={MARKER[key]}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            // Fixed size: with the default (stroke-width units) a highlighted, thicker edge would get a huge arrow.
            markerUnits="userSpaceOnUse"
            markerWidth="11"
            markerHeight="11"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={COLORS[key]} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
