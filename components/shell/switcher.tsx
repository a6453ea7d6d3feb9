"use client";

import { useRef } from "react";

/** A labelled select that submits its form (a server action) on change; works without JS too. */
export function Switcher({
  label,
  name,
  value,
  options,
  action,
}: {
  label: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  action: (formData: FormData) => Promise<void>;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={action} className="flex items-center gap-1.5">
      <label htmlFor={`switch-${name}`} className="text-xs text-slate-400 xl:max-2xl:sr-only">
        {label}
      </label>
      <select
        id={`switch-${name}`}
        name={name}
        defaultValue={value}
        onChange={() => formRef.current?.requestSubmit()}
        className="max-w-44 truncate rounded-md border border-white/20 bg-white/10 px-2 py-1 text-sm text-white [&>option]:text-slate-900"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="text-xs text-white">
          Go
        </button>
      </noscript>
    </form>
  );
}
