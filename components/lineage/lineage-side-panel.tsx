"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { NodeHealth } from "@/lib/lineage/health";
import type { LineageNode } from "@/lib/lineage/types";
import { ImpactPanel } from "./impact-panel";
import { NodeDetails } from "./node-details";

const TABS = ["details", "impact"] as const;

/** Details, impact analysis and path controls of the selected node. */
export function LineageSidePanel({
  node,
  health,
  teamName,
  parentName,
  env,
  isRoot,
  pathFrom,
  pathTo,
  pathLength,
  onPathFrom,
  onPathTo,
  onClearPath,
  onFocus,
  onHighlight,
  onClose,
}: {
  node: LineageNode;
  health: NodeHealth | undefined;
  teamName: string | undefined;
  parentName: string | undefined;
  env: string | null;
  isRoot: boolean;
  pathFrom: string | null;
  pathTo: string | null;
  pathLength: number | null;
  onPathFrom: () => void;
  onPathTo: () => void;
  onClearPath: () => void;
  onFocus: () => void;
  onHighlight: (ids: string[] | null) => void;
  onClose: () => void;
}) {
  const [tab, setTab] = useState<(typeof TABS)[number]>("details");
  return (
    <aside
      aria-label={`Selected: ${node.name}`}
      data-testid="lineage-side-panel"
      // Below 1024 px a bottom sheet over the canvas; beside it from there.
      className="fixed inset-x-0 bottom-0 z-30 flex max-h-[60vh] flex-col overflow-hidden rounded-t-xl border border-slate-200 bg-white shadow-2xl lg:static lg:max-h-none lg:w-80 lg:shrink-0 lg:rounded-lg lg:shadow-none"
    >
      <div className="flex items-center border-b border-slate-100" role="tablist" aria-label="Selected node">
        {TABS.map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={tab === value}
            onClick={() => setTab(value)}
            className={`px-3 py-2 text-sm ${tab === value ? "border-b-2 border-brand-600 font-semibold text-brand-700" : "text-slate-600"}`}
          >
            {value === "details" ? "Details" : "Impact"}
          </button>
        ))}
        <button
          type="button"
          aria-label="Close the panel"
          onClick={onClose}
          className="ml-auto px-3 py-2 text-slate-500 hover:text-slate-900"
        >
          ×
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto p-3" role="tabpanel">
        {tab === "details" ? (
          <div className="space-y-4">
            <NodeDetails node={node} health={health} teamName={teamName} parentName={parentName} />
            <div className="space-y-2 border-t border-slate-100 pt-3">
              <div className="flex flex-wrap gap-2">
                {!isRoot ? (
                  <Button variant="secondary" onClick={onFocus}>
                    Focus here
                  </Button>
                ) : null}
                <Button variant="secondary" onClick={onPathFrom}>
                  Path from here
                </Button>
                {pathFrom && pathFrom !== node.id ? (
                  <Button variant="secondary" onClick={onPathTo}>
                    Path to here
                  </Button>
                ) : null}
              </div>
              {pathFrom && pathTo ? (
                <p className="text-xs text-slate-600" role="status">
                  {pathLength
                    ? `Path highlighted: ${pathLength - 1} hop${pathLength === 2 ? "" : "s"}.`
                    : "These nodes are not connected in this picture."}{" "}
                  <button type="button" className="text-brand-700 underline" onClick={onClearPath}>
                    Clear
                  </button>
                </p>
              ) : pathFrom ? (
                <p className="text-xs text-slate-500">
                  Now select another node and choose “Path to here”, or shift-click it.
                </p>
              ) : null}
            </div>
          </div>
        ) : (
          <ImpactPanel node={node} env={env} onHighlight={onHighlight} />
        )}
      </div>
    </aside>
  );
}
