"use client";

import { KIND_LABELS } from "@/lib/kinds";
import { NODE_KINDS, type NodeKind } from "@/lib/lineage/types";
import type { LineageLevel } from "@/lib/validations/lineage";

const FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800";

/** Search in the graph, level, environment, kind and team filters. */
export function LineageToolbar({
  mode,
  level,
  env,
  environments,
  teams,
  kinds,
  teamId,
  search,
  onSearch,
  onLevel,
  onEnv,
  onKinds,
  onTeam,
}: {
  mode: "focused" | "workspace";
  level: LineageLevel;
  env: string | null;
  environments: string[];
  teams: { id: string; name: string }[];
  kinds: NodeKind[];
  teamId: string | null;
  search: string;
  onSearch: (value: string) => void;
  onLevel: (value: LineageLevel) => void;
  onEnv: (value: string | null) => void;
  onKinds: (value: NodeKind[]) => void;
  onTeam: (value: string | null) => void;
}) {
  const kindOptions = NODE_KINDS.filter((kind) => level === "column" || (kind !== "column" && kind !== "feature"));
  return (
    <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Lineage filters">
      <label className="sr-only" htmlFor="lineage-search">
        Search in the graph
      </label>
      <input
        id="lineage-search"
        type="search"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        placeholder="Search in the graph…"
        className={`${FIELD} w-56`}
      />
      <div className="inline-flex overflow-hidden rounded-md border border-slate-300" role="group" aria-label="Level">
        {(["object", "column"] as const).map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={level === value}
            onClick={() => level !== value && onLevel(value)}
            className={`px-2.5 py-1 text-sm ${level === value ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {value === "object" ? "Objects" : "Features & columns"}
          </button>
        ))}
      </div>
      <label className="flex items-center gap-1 text-sm text-slate-600">
        Environment
        <select
          className={FIELD}
          value={env ?? "all"}
          onChange={(event) => onEnv(event.target.value === "all" ? null : event.target.value)}
        >
          <option value="all">Registry head (no health)</option>
          {environments.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <details className="relative">
        <summary className={`${FIELD} cursor-pointer list-none`}>
          Kinds{kinds.length ? ` (${kinds.length})` : ": all"}
        </summary>
        <fieldset className="absolute z-20 mt-1 w-52 space-y-1 rounded-md border border-slate-200 bg-white p-2 text-sm shadow-lg">
          <legend className="sr-only">Kinds to show</legend>
          {kindOptions.map((kind) => (
            <label key={kind} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={kinds.includes(kind)}
                onChange={(event) => onKinds(event.target.checked ? [...kinds, kind] : kinds.filter((k) => k !== kind))}
              />
              {KIND_LABELS[kind].one}
            </label>
          ))}
          {kinds.length ? (
            <button type="button" className="text-xs text-brand-700 underline" onClick={() => onKinds([])}>
              Show all kinds
            </button>
          ) : null}
        </fieldset>
      </details>
      <label className="flex items-center gap-1 text-sm text-slate-600">
        Team
        <select className={FIELD} value={teamId ?? ""} onChange={(event) => onTeam(event.target.value || null)}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      {mode === "focused" ? (
        <span className="text-xs text-slate-500">
          Click a node for details · shift-click a second node for the path between them
        </span>
      ) : null}
    </div>
  );
}
