import { RelativeTime } from "../../components/RelativeTime";
import { CostSparkline } from "./CostSparkline";
import type { ModelRow } from "./model-rows";

const SIM_TITLE = "Simulated model: offline, deterministic and free; the cost shown is what a real model of its class would charge";

/** One row per model, most expensive first; wide, so it scrolls sideways on a narrow screen. */
export function ModelTable({ rows, caption, bucket }: { rows: readonly ModelRow[]; caption: string; bucket: "hour" | "day" }) {
  return (
    <div className="sy-models__scroll" role="region" aria-label="Models" tabIndex={0}>
      <table className="sy-table sy-models__table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Provider</th>
            <th scope="col" className="is-num">
              Calls
            </th>
            <th scope="col" className="is-num">
              Error rate
            </th>
            <th scope="col" className="is-num">
              Retries
            </th>
            <th scope="col" className="is-num">
              p50
            </th>
            <th scope="col" className="is-num">
              p95
            </th>
            <th scope="col" className="is-num">
              Tokens in / out
            </th>
            <th scope="col" className="is-num">
              Cost
            </th>
            <th scope="col" className="is-num">
              Cost / call
            </th>
            <th scope="col">Cost per {bucket}</th>
            <th scope="col">Last used</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.model}>
              <th scope="row" className="sy-models__model">
                <span className="sy-mono">{row.model}</span>
                {row.simulated && (
                  <span className="sy-tag sy-tag--sim" title={SIM_TITLE}>
                    SIM
                  </span>
                )}
              </th>
              <td>{row.provider}</td>
              <td className="is-num" title={row.callsTitle}>
                {row.calls}
              </td>
              <td className="is-num" title={row.errorTitle}>
                <span className={row.errorRateHigh ? "sy-models__rate is-high" : "sy-models__rate"}>{row.errorRate}</span>
                {row.errorRateHigh && <span className="sr-only"> (high)</span>}
              </td>
              <td className="is-num">{row.retries}</td>
              <td className="is-num">{row.p50}</td>
              <td className="is-num">{row.p95}</td>
              <td className="is-num" title={row.tokensTitle}>
                {row.tokens}
              </td>
              <td className="is-num sy-models__cost">{row.cost}</td>
              <td className="is-num">{row.costPerCall}</td>
              <td className="sy-models__spark">
                <CostSparkline values={row.series} label={row.seriesLabel} />
              </td>
              <td>
                <RelativeTime value={row.lastUsedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
