import Link from "next/link";
import { catalogHref } from "@/lib/routes";
import type { LineageGraph, LineageNode } from "@/lib/lineage/types";

const LABELS: Record<string, string> = {
  data_source: "source",
  column: "column",
  entity: "entity",
  feature_view: "view",
  feature: "feature",
  feature_service: "service",
  model: "model",
  saved_dataset: "dataset",
};

function nodeHref(node: LineageNode): string | null {
  if (node.kind === "column") return null;
  return catalogHref(node.kind, node.objectId);
}

/**
 * A static one-hop picture: what the root is derived from, the root, and what uses it.
 * Columns in HTML (no canvas, no client code); the explorer link opens the interactive graph.
 */
export function LineagePreview({
  graph,
  rootId,
  explorerHref,
}: {
  graph: LineageGraph;
  rootId: string;
  explorerHref: string;
}) {
  const upstream = graph.nodes.filter((node) =>
    graph.edges.some((edge) => edge.target === rootId && edge.source === node.id),
  );
  const downstream = graph.nodes.filter((node) =>
    graph.edges.some((edge) => edge.source === rootId && edge.target === node.id),
  );
  const root = graph.nodes.find((node) => node.id === rootId);
  if (!root) return null;
  const column = (title: string, nodes: LineageNode[]) => (
    <div className="min-w-0 flex-1">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</p>
      {nodes.length === 0 ? <p className="text-xs text-slate-400">nothing</p> : null}
      <ul className="space-y-1">
        {nodes.map((node) => {
          const href = nodeHref(node);
          return (
            <li key={node.id} className="truncate rounded border border-slate-200 bg-white px-2 py-1 text-xs">
              <span className="mr-1 text-slate-400">{LABELS[node.kind]}</span>
              {href ? (
                <Link href={href} className="text-brand-700 hover:underline">
                  {node.name}
                </Link>
              ) : (
                node.name
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
  return (
    <div>
      <div className="flex items-center gap-2" data-testid="lineage-preview">
        {column("Derived from", upstream)}
        <span aria-hidden className="text-slate-400">
          →
        </span>
        <div className="flex-none rounded border-2 border-brand-500 bg-brand-50 px-3 py-2 text-xs font-medium text-brand-700">
          {root.name}
        </div>
        <span aria-hidden className="text-slate-400">
          →
        </span>
        {column("Used by", downstream)}
      </div>
      <Link href={explorerHref} className="mt-2 inline-block text-sm text-brand-700 hover:underline">
        Open in the lineage explorer →
      </Link>
    </div>
  );
}
