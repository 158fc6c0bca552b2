import { useState } from "react";
import { findModel, type ModelGroup } from "../catalog/models";
import { formatPricePerMTok } from "../util/format";

interface ModelPickerProps {
  id: string;
  value: string;
  models: ModelGroup[];
  onChange: (model: string | undefined) => void;
  /** Offer "none" (for optional helper models such as a judge). */
  optional?: boolean;
}

const CUSTOM = "__custom__";

/** Models grouped by provider, with prices; ids not in the list can still be typed in. */
export function ModelPicker({ id, value, models, onChange, optional }: ModelPickerProps) {
  const known = value !== "" && findModel(models, value) !== undefined;
  const [custom, setCustom] = useState(value !== "" && !known);
  const selected = findModel(models, value);
  return (
    <div className="sy-model-picker">
      <select
        id={id}
        className="sy-input"
        value={custom ? CUSTOM : value}
        onChange={(e) => {
          if (e.target.value === CUSTOM) return setCustom(true);
          setCustom(false);
          onChange(e.target.value === "" ? undefined : e.target.value);
        }}
      >
        {(optional || value === "") && <option value="">{optional ? "none" : "choose a model…"}</option>}
        {models.map((group) => (
          <optgroup key={group.provider} label={group.label}>
            {group.models.map((m) => (
              <option key={m.id} value={m.id} disabled={!m.available && m.id !== value}>
                {m.label} — {m.id}
                {m.simulated ? " · SIM" : ""}
                {m.available ? "" : " · no key"}
              </option>
            ))}
          </optgroup>
        ))}
        <option value={CUSTOM}>Other model id…</option>
      </select>
      {custom && (
        <input
          className="sy-input sy-input--mono"
          aria-label="Model id"
          placeholder="provider:model, e.g. ollama:llama3.1"
          value={value}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
        />
      )}
      {selected && (
        <p className="sy-model-picker__meta">
          {selected.simulated && <span className="sy-tag sy-tag--sim">SIM</span>}
          {formatPricePerMTok(selected.inputPerMTok, selected.outputPerMTok) || "price unknown"}
          {!selected.available && <span className="sy-model-picker__warn"> · no credentials configured</span>}
        </p>
      )}
    </div>
  );
}
