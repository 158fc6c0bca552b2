import { useId, type InputHTMLAttributes, type Ref } from "react";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: string;
  error?: string | undefined;
  help?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input whose error and help are tied to it for screen readers. */
export function TextField({ label, error, help, inputRef, className, ...input }: TextFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : "", help ? `${id}-help` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`sy-field${error ? " has-error" : ""}`}>
      <label htmlFor={id} className="sy-field__label">
        {label}
      </label>
      <input ref={inputRef} id={id} className={`sy-input ${className ?? ""}`} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {help && (
        <p id={`${id}-help`} className="sy-field__help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="sy-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
