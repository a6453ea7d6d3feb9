import { indexLineage, inOf, outOf } from "@/lib/lineage/build";
import type { Point } from "@/lib/lineage/layout";
import type { LineageGraph } from "@/lib/lineage/types";

export type NavigationKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown";

/**
 * Keyboard navigation over a laid-out graph: Right / Left move along edges downstream /
 * upstream (to the neighbour closest in height), Up / Down to the previous / next node in the
 * same column. Without a selection any key selects the top-left node. Null when there is
 * nowhere to go.
 */
export function nextSelection(
  graph: LineageGraph,
  positions: ReadonlyMap<string, Point>,
  selectedId: string | null,
  key: NavigationKey,
): string | null {
  const placed = graph.nodes.filter((node) => positions.has(node.id));
  if (placed.length === 0) return null;
  const at = selectedId ? positions.get(selectedId) : undefined;
  if (!selectedId || !at) {
    return placed.reduce((best, node) => {
      const a = positions.get(node.id)!;
      const b = positions.get(best.id)!;
      return a.x < b.x || (a.x === b.x && a.y < b.y) ? node : best;
    }).id;
  }
  if (key === "ArrowLeft" || key === "ArrowRight") {
    const index = indexLineage(graph);
    const neighbours = (key === "ArrowRight" ? outOf(index, selectedId) : inOf(index, selectedId)).filter((id) =>
      positions.has(id),
    );
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const id of neighbours) {
      const distance = Math.abs(positions.get(id)!.y - at.y);
      if (distance < bestDistance) [best, bestDistance] = [id, distance];
    }
    return best;
  }
  const column = placed
    .filter((node) => positions.get(node.id)!.x === at.x)
    .sort((a, b) => positions.get(a.id)!.y - positions.get(b.id)!.y);
  const position = column.findIndex((node) => node.id === selectedId);
  const next = column[position + (key === "ArrowDown" ? 1 : -1)];
  return next?.id ?? null;
}
