import "server-only";

/*
 * Lineage straight from the registry tables. A focused query walks from a root with one
 * recursive CTE: each step joins the frontier LATERALly against one small indexed lookup per
 * edge kind, so a step costs index probes, not scans of the link tables. UNION de-duplicates
 * (direction, node, depth) rows, so cycles of on-demand views end at the hop limit, and an
 * outer LIMIT stops the (lazily evaluated) recursion once enough rows are found.
 *
 * Environments: with an environment, only objects with an active version there are walked
 * (columns follow their data source, features their feature view). The links themselves are
 * the registry head's.
 */
export { getLineageRoot, type LineageEnvironment, type LineageRoot } from "./root";
export { walkLineage, type WalkedNode } from "./walk";
export { loadRegistryRows } from "./registry-rows";
export { getFocusedLineage, type FocusedLineage } from "./focused";
export { getWorkspaceLineage, type WorkspaceLineagePage } from "./workspace";
export { getLineageImpact, type LineageImpact } from "./impact";
export { listLineageTeams, searchLineageObjects, type LineageSearchHit } from "./search";
export {
  defaultLevel,
  getImpactResponse,
  getLineageGraphResponse,
  getLineageNodeHealth,
  getLineageResponse,
  getWorkspaceLineageResponse,
  nodeRefs,
  type ImpactResponse,
  type LineageResponse,
  type WorkspaceLineageResponse,
} from "./responses";
