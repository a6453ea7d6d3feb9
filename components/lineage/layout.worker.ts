/// <reference lib="webworker" />
import { layoutLineage, type LayoutOptions, type Point } from "@/lib/lineage/layout";
import type { LineageGraph } from "@/lib/lineage/types";

export interface LayoutRequest {
  requestId: number;
  graph: LineageGraph;
  /** [id, x, y] of the previous picture, so nodes already on screen keep their place. */
  previous: [string, number, number][];
  options: Omit<LayoutOptions, "previous">;
}

export interface LayoutAnswer {
  requestId: number;
  /** x, y per node in graph.nodes order (transferred, not copied). */
  coordinates: Float64Array;
  ms: number;
}

// Layout runs here, off the main thread, so large graphs never block input or painting.
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const started = performance.now();
  const { requestId, graph, previous, options } = event.data;
  const previousMap = new Map<string, Point>(previous.map(([id, x, y]) => [id, { x, y }]));
  const positions = layoutLineage(graph, { ...options, previous: previousMap.size ? previousMap : undefined });
  const coordinates = new Float64Array(graph.nodes.length * 2);
  graph.nodes.forEach((node, i) => {
    const point = positions.get(node.id)!;
    coordinates[2 * i] = point.x;
    coordinates[2 * i + 1] = point.y;
  });
  const answer: LayoutAnswer = { requestId, coordinates, ms: performance.now() - started };
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(answer, [coordinates.buffer]);
};
