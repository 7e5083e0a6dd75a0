import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cx } from "./cx";

// Form fields: a label, the control, an optional hint, and the French error
// message right below, tied to the control by aria-describedby.

type FieldBase = {
  label: ReactNode;
  name: string;
  id?: string;
  hint?: ReactNode;
  error?: string;
  /** Extra classes for the wrapper. */
  className?: string;
};

// .ui-control of app/globals.css: one short class on every input and select.
export const controlClasses = (error?: string) => cx("ui-control", error && "ui-control-error");

function ids(name: string, id: string | undefined, hint: ReactNode, error: string | undefined) {
  const fieldId = id ?? `champ-${name.replace(/[^\w-]/g, "-")}`;
  const hintId = hint ? `${fieldId}-aide` : undefined;
  const errorId = error ? `${fieldId}-erreur` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return { fieldId, hintId, errorId, describedBy };
}

/** A field's label, with the required mark. */
export function Label({ htmlFor, required, children }: { htmlFor: string; required?: boolean; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
      {children}
      {required ? (
        <span className="text-red-700" aria-hidden="true">
          {" "}
          *
        </span>
      ) : null}
    </label>
  );
}

/** A field's hint and its error (with the icon), under the control. */
export function Help({ hintId, hint, errorId, error }: { hintId?: string; hint?: ReactNode; errorId?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0" fill="currentColor">
            <path
              fillRule="evenodd"
              d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
              clipRule="evenodd"
            />
          </svg>
          <span>{error}</span>
        </p>
      ) : null}
    </>
  );
}

export function InputField({
  label,
  name,
  id,
  hint,
  error,
  className,
  required,
  ...input
}: FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  const { fieldId, hintId, errorId, describedBy } = ids(name, id, hint, error);
  return (
    <div className={cx("space-y-1.5", className)}>
      <Label htmlFor={fieldId} required={required}>
        {label}
      </Label>
      <input
        id={fieldId}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={controlClasses(error)}
        {...input}
      />
      <Help hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </div>
  );
}

/** Alias: the most common field is a text input. */
export const Field = InputField;

export function SelectField({
  label,
  name,
  id,
  hint,
  error,
  className,
  required,
  children,
  ...select
}: FieldBase & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  const { fieldId, hintId, errorId, describedBy } = ids(name, id, hint, error);
  return (
    <div className={cx("space-y-1.5", className)}>
      <Label htmlFor={fieldId} required={required}>
        {label}
      </Label>
      <select
        id={fieldId}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cx(controlClasses(error), "pr-8")}
        {...select}
      >
        {children}
      </select>
      <Help hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </div>
  );
}

export function TextareaField({
  label,
  name,
  id,
  hint,
  error,
  className,
  required,
  rows = 4,
  ...textarea
}: FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  const { fieldId, hintId, errorId, describedBy } = ids(name, id, hint, error);
  return (
    <div className={cx("space-y-1.5", className)}>
      <Label htmlFor={fieldId} required={required}>
        {label}
      </Label>
      <textarea
        id={fieldId}
        name={name}
        required={required}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={controlClasses(error)}
        {...textarea}
      />
      <Help hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </div>
  );
}

/** A checkbox with its label on the right and an optional description below. */
export function CheckboxField({
  label,
  name,
  id,
  hint,
  error,
  className,
  ...input
}: FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type">) {
  const { fieldId, hintId, errorId, describedBy } = ids(name, id, hint, error);
  return (
    <div className={cx("flex items-start gap-3", className)}>
      <input
        type="checkbox"
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="accent-brand-600 mt-0.5 size-5 shrink-0 rounded border-slate-300"
        {...input}
      />
      <div className="min-w-0 space-y-1">
        <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <Help hintId={hintId} hint={hint} errorId={errorId} error={error} />
      </div>
    </div>
  );
}
