import type { ReactNode, SelectHTMLAttributes } from "react";

/**
 * "Where does this Feast registry run?": the workspace's environments, for the import form
 * (controlled) and a followed registry's settings (a form field).
 */
export function FeastEnvironmentField({
  environments,
  help,
  ...select
}: {
  environments: string[];
  help: ReactNode;
} & Pick<SelectHTMLAttributes<HTMLSelectElement>, "name" | "value" | "defaultValue" | "onChange">) {
  return (
    <div>
      <label htmlFor="feast-environment" className="mb-1 block text-sm font-medium">
        Where does this Feast registry run?
      </label>
      <select
        id="feast-environment"
        aria-describedby="feast-environment-help"
        className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        {...select}
      >
        {environments.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <p id="feast-environment-help" className="mt-1 text-xs text-slate-500">
        {help}
      </p>
    </div>
  );
}
