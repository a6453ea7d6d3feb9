"use client";

import { useId, useState, type ReactNode } from "react";

/* Small form controls for the definition editor: every control has a label, shows the message
 * of its field path right under it and points at it with aria-describedby. */

export const inputClasses = (invalid?: boolean) =>
  `w-full rounded-md border px-2.5 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-brand-500 ${
    invalid ? "border-red-400 bg-red-50/40" : "border-slate-300 bg-white"
  }`;

export function FieldMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700" data-testid="field-error">
      {message}
    </p>
  );
}

export function Field({
  label,
  hint,
  error,
  children,
  className = "",
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Receives the control's id and the id of its message. */
  children: (ids: { id: string; errorId: string }) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, errorId })}
      {hint && !error ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldMessage id={errorId} message={error} />
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  disabled,
  className,
  list,
  type = "text",
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  placeholder?: string;
  disabled?: boolean;
  className?: string;
  list?: string;
  type?: "text" | "number";
}) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {({ id, errorId }) => (
        <input
          id={id}
          type={type}
          value={value}
          list={list}
          disabled={disabled}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? errorId : undefined}
          className={`${inputClasses(Boolean(error))} disabled:bg-slate-100 disabled:text-slate-500`}
        />
      )}
    </Field>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  options,
  error,
  hint,
  className,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  error?: string;
  hint?: ReactNode;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {({ id, errorId }) => (
        <select
          id={id}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? errorId : undefined}
          className={inputClasses(Boolean(error))}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

/** A set of names chosen from options, as checkboxes (errors per chosen item: `path[i]`). */
export function CheckboxList({
  legend,
  options,
  selected,
  onChange,
  error,
  itemError,
  emptyText,
}: {
  legend: string;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string;
  itemError?: (index: number) => string | undefined;
  emptyText?: string;
}) {
  const id = useId();
  // Chosen values the registry no longer knows stay visible so they can be unticked.
  const known = new Set(options.map((option) => option.value));
  const all = [...options, ...selected.filter((value) => !known.has(value)).map((value) => ({ value, label: value }))];
  const messages = selected.flatMap((value, index) => {
    const message = itemError?.(index);
    return message ? [`${value}: ${message}`] : [];
  });
  const shown = [error, ...messages].filter(Boolean).join(" · ");
  return (
    <fieldset aria-describedby={shown ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {all.length === 0 ? <p className="text-xs text-slate-500">{emptyText ?? "Nothing to choose from yet."}</p> : null}
      <div className="flex max-h-56 flex-wrap gap-x-4 gap-y-1 overflow-auto">
        {all.map((option) => (
          <label key={option.value} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...selected, option.value]
                    : selected.filter((value) => value !== option.value),
                )
              }
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldMessage id={`${id}-error`} message={shown || undefined} />
    </fieldset>
  );
}

/** Comma-separated text kept as typed, reported as a list. */
export function ListTextField({
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  className,
}: {
  label: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  hint?: ReactNode;
  placeholder?: string;
  className?: string;
}) {
  const [text, setText] = useState(value.join(", "));
  const [lastValue, setLastValue] = useState(value);
  // A new list from outside (load latest, revert) replaces the text.
  if (lastValue !== value && value.join(", ") !== splitList(text).join(", ")) {
    setLastValue(value);
    setText(value.join(", "));
  }
  return (
    <TextField
      label={label}
      value={text}
      error={error}
      hint={hint}
      placeholder={placeholder}
      className={className}
      onChange={(next) => {
        setText(next);
        const list = splitList(next);
        setLastValue(list);
        onChange(list);
      }}
    />
  );
}

export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export function SectionTitle({ children }: { children: ReactNode }) {
  return <h3 className="mb-2 mt-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{children}</h3>;
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={label}
      className="rounded px-2 py-1 text-sm text-slate-500 hover:bg-red-50 hover:text-red-700"
    >
      ✕
    </button>
  );
}

export function AddButton({ children, onClick }: { children: ReactNode; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="mt-2 rounded-md border border-dashed border-slate-300 px-3 py-1 text-sm text-slate-700 hover:bg-slate-50"
    >
      {children}
    </button>
  );
}
