"use client";

import YAML from "yaml";

/** The draft as the YAML a repository would hold. */
export function DefinitionYaml({ kind, draft }: { kind: string; draft: unknown }) {
  return (
    <pre className="mt-2 overflow-auto text-xs text-slate-700" data-testid="definition-yaml">
      {YAML.stringify({ [kind]: draft })}
    </pre>
  );
}
