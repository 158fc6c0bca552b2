import { inputTypeSchema, type FlowInput } from "@switchyard/core";
import { uniqueId } from "../editor/node-ids";

const TYPES = inputTypeSchema.options;

/** The flow's declared inputs: name, type and default value. */
export function FlowInputsField({ inputs, onChange }: { inputs: FlowInput[]; onChange: (inputs: FlowInput[], leaf: string) => void }) {
  const set = (index: number, patch: Partial<FlowInput>, leaf: string) =>
    onChange(
      inputs.map((input, i) => (i === index ? { ...input, ...patch } : input)),
      `inputs.${index}.${leaf}`,
    );
  const add = () => onChange([...inputs, { name: uniqueId("input", new Set(inputs.map((i) => i.name))), type: "string" }], "inputs");
  return (
    <fieldset className="sy-group sy-inputs">
      <legend className="sy-group__summary">Inputs</legend>
      {inputs.length > 0 && (
        <div className="sy-inputs__head" aria-hidden="true">
          <span>name</span>
          <span>type</span>
          <span>default</span>
        </div>
      )}
      {inputs.map((input, index) => (
        <div key={index} className="sy-inputs__row">
          <input className="sy-input sy-input--mono" aria-label={`Input ${index + 1} name`} value={input.name} spellCheck={false} onChange={(e) => set(index, { name: e.target.value }, "name")} />
          <select className="sy-input" aria-label={`Input ${input.name} type`} value={input.type} onChange={(e) => set(index, { type: inputTypeSchema.parse(e.target.value) }, "type")}>
            {TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <input
            className="sy-input"
            aria-label={`Input ${input.name} default`}
            value={input.default === undefined ? "" : typeof input.default === "string" ? input.default : JSON.stringify(input.default)}
            onChange={(e) => {
              const { default: _old, ...rest } = input;
              onChange(inputs.map((x, i) => (i === index ? (e.target.value === "" ? rest : { ...rest, default: defaultFor(input.type, e.target.value) }) : x)), `inputs.${index}.default`);
            }}
          />
          <button type="button" className="sy-icon-button" aria-label={`Remove input ${input.name}`} onClick={() => onChange(inputs.filter((_, i) => i !== index), "inputs")}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="sy-button sy-button--small" onClick={add}>
        + Add input
      </button>
    </fieldset>
  );
}

/** Typed defaults: numbers and booleans as such, JSON parsed when it parses; otherwise the text. */
function defaultFor(type: FlowInput["type"], text: string): unknown {
  if (type === "number" && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (type === "boolean" && (text === "true" || text === "false")) return text === "true";
  if (type === "json") {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
