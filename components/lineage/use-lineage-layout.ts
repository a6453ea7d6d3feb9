"use client";

import { useCallback, useEffect, useRef } from "react";
import { layoutLineage, type Point } from "@/lib/lineage/layout";
import type { LineageGraph } from "@/lib/lineage/types";
import type { LayoutAnswer, LayoutRequest } from "./layout.worker";

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 48;
const LAYOUT_OPTIONS = { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, columnGap: 120, rowGap: 16 };

/**
 * Lays graphs out in a Web Worker. Only the newest request resolves; older ones are
 * superseded. Falls back to the main thread only where workers are unavailable.
 */
export function useLineageLayout() {
  const workerRef = useRef<Worker | null>(null);
  const pending = useRef(
    new Map<number, { graph: LineageGraph; resolve: (positions: Map<string, Point> | null) => void }>(),
  );
  const lastRequest = useRef(0);

  useEffect(() => {
    let worker: Worker | null = null;
    try {
      worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module", name: "lineage-layout" });
    } catch {
      worker = null;
    }
    const waiting = pending.current;
    if (worker) {
      worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
        const { requestId, coordinates } = event.data;
        const entry = waiting.get(requestId);
        waiting.delete(requestId);
        if (!entry) return;
        if (requestId !== lastRequest.current) return entry.resolve(null);
        const positions = new Map<string, Point>();
        entry.graph.nodes.forEach((node, i) => {
          positions.set(node.id, { x: coordinates[2 * i]!, y: coordinates[2 * i + 1]! });
        });
        entry.resolve(positions);
      };
      workerRef.current = worker;
    }
    return () => {
      worker?.terminate();
      workerRef.current = null;
      for (const entry of waiting.values()) entry.resolve(null);
      waiting.clear();
    };
  }, []);

  /** Positions for `graph`, or null when a newer request superseded this one. */
  const layout = useCallback(
    (graph: LineageGraph, previous: ReadonlyMap<string, Point> | null): Promise<Map<string, Point> | null> => {
      const requestId = ++lastRequest.current;
      const worker = workerRef.current;
      if (!worker) {
        return Promise.resolve(layoutLineage(graph, { ...LAYOUT_OPTIONS, previous: previous ?? undefined }));
      }
      return new Promise((resolve) => {
        pending.current.set(requestId, { graph, resolve });
        const message: LayoutRequest = {
          requestId,
          graph: { nodes: graph.nodes, edges: graph.edges },
          previous: previous
            ? graph.nodes.flatMap((node) => {
                const point = previous.get(node.id);
                return point ? [[node.id, point.x, point.y] as [string, number, number]] : [];
              })
            : [],
          options: LAYOUT_OPTIONS,
        };
        worker.postMessage(message);
      });
    },
    [],
  );
  return layout;
}
