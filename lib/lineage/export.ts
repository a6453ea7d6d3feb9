import { toCsv, type CsvColumn } from "@/lib/csv";
import type { Impact, LineageGraph } from "@/lib/lineage/types";

const IMPACT_COLUMNS: CsvColumn<Impact["items"][number]>[] = [
  { label: "kind", value: (item) => item.kind },
  { label: "name", value: (item) => item.name },
  { label: "owner", value: (item) => item.owner ?? "" },
  { label: "team_id", value: (item) => item.teamId ?? "" },
  { label: "id", value: (item) => item.id },
];

/** The impacted objects as CSV (CRLF line breaks, header row first). */
export function impactToCsv(impact: Impact): string {
  return toCsv(impact.items, IMPACT_COLUMNS);
}

/** The graph as pretty-printed JSON: nodes, edges and the truncation flag. */
export function graphToJson(graph: LineageGraph): string {
  return JSON.stringify({ nodes: graph.nodes, edges: graph.edges, truncated: graph.truncated === true }, null, 2);
}
