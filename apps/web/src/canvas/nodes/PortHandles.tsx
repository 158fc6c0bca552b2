import { Handle, Position } from "@xyflow/react";

/** One labelled output handle per named port (gate pass/escalate, router routes). */
export function PortHandles({ ports, active, title }: { ports: readonly string[]; active?: string; title?: (port: string) => string }) {
  if (ports.length === 0) return null;
  return (
    <ul className="sy-ports" aria-label="Output ports">
      {ports.map((port) => (
        <li key={port} className={`sy-port sy-port--${port}${active === port ? " is-active" : ""}`}>
          <span className="sy-port__label">{port}</span>
          <Handle type="source" position={Position.Right} id={port} className={`sy-handle sy-handle--port sy-handle--${port}`} title={title?.(port) ?? `Output: ${port}`} />
        </li>
      ))}
    </ul>
  );
}
