import { stringifyValue } from "@switchyard/core";
import { isRecord } from "../../util/records";

/** The run's inputs and outputs, each value as plain text. */
export function RunIo({
  inputs,
  outputs,
  running,
}: {
  inputs: unknown;
  outputs: unknown;
  running: boolean;
}) {
  return (
    <section className="sy-rd__io" aria-label="Inputs and outputs">
      <ValueList title="Inputs" values={inputs} empty="No inputs." />
      <ValueList
        title="Outputs"
        values={outputs}
        empty={running ? "Not yet: the run is still going." : "No outputs."}
      />
    </section>
  );
}

function ValueList({ title, values, empty }: { title: string; values: unknown; empty: string }) {
  const entries = isRecord(values) ? Object.entries(values) : [];
  return (
    <div className="sy-rd__values">
      <h2 className="sy-runs__subtitle">{title}</h2>
      {entries.length === 0 ? (
        <p className="sy-muted">{empty}</p>
      ) : (
        <dl>
          {entries.map(([name, value]) => (
            <div key={name}>
              <dt className="sy-mono">{name}</dt>
              <dd>
                <pre className="sy-rd__value">
                  {typeof value === "string"
                    ? value
                    : (JSON.stringify(value, null, 2) ?? stringifyValue(value))}
                </pre>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
