import type { FlowInput } from "@switchyard/core";
import { fieldValue, isRequired, type InputFormValues } from "./run-inputs";

interface RunInputsFormProps {
  inputs: FlowInput[];
  values: InputFormValues;
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (name: string, value: string | boolean) => void;
}

/** One field per declared input, typed as declared, defaults prefilled. */
export function RunInputsForm({ inputs, values, errors, disabled, onChange }: RunInputsFormProps) {
  if (inputs.length === 0) return <p className="sy-muted">This flow declares no inputs.</p>;
  return (
    <div className="sy-form">
      {inputs.map((input) => {
        const id = `run-input-${input.name}`;
        const error = errors[input.name];
        const value = fieldValue(input, values);
        const describedBy = [error ? `${id}-error` : "", input.description ? `${id}-help` : ""].filter(Boolean).join(" ") || undefined;
        const common = { id, disabled, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const;
        return (
          <div key={input.name} className={`sy-field${input.type === "boolean" ? " sy-field--inline" : ""}${error ? " has-error" : ""}`}>
            {input.type === "boolean" ? (
              <>
                <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(input.name, e.target.checked)} />
                <label htmlFor={id} className="sy-field__label">
                  {input.name}
                </label>
              </>
            ) : (
              <>
                <label htmlFor={id} className="sy-field__label">
                  {input.name}
                  {isRequired(input) && (
                    <span className="sy-required" aria-hidden="true">
                      *
                    </span>
                  )}
                  <span className="sy-field__type">
                    <span className="sr-only">, </span>
                    {input.type}
                  </span>
                </label>
                {input.type === "number" ? (
                  <input
                    {...common}
                    className="sy-input"
                    type="text"
                    inputMode="decimal"
                    required={isRequired(input)}
                    value={String(value)}
                    onChange={(e) => onChange(input.name, e.target.value)}
                  />
                ) : (
                  <textarea
                    {...common}
                    className={`sy-input${input.type === "json" ? " sy-input--mono" : ""}`}
                    rows={input.type === "json" ? 4 : 3}
                    required={isRequired(input)}
                    spellCheck={input.type === "string"}
                    value={String(value)}
                    onChange={(e) => onChange(input.name, e.target.value)}
                  />
                )}
              </>
            )}
            {input.description && (
              <p id={`${id}-help`} className="sy-field__help">
                {input.description}
              </p>
            )}
            {error && (
              <p id={`${id}-error`} className="sy-field__error">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
