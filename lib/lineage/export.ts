import { toCsv, type CsvColumn } from "@/lib/csv";
import type { Impact, LineageGraph } from "@/lib/lineage/types";

/** The impacted objects and the teams they belong to (names, for people reading the export). */
export interface ImpactExport {
  items: Impact["items"];
  teams: readonly { id: string; name: string }[];
}

/**
 * The impacted objects as CSV (CRLF line breaks, header row first), each with its team's name:
 * the export goes to people deciding whom to tell, who know teams by name, not by id.
 */
export function impactToCsv(impact: ImpactExport): string {
  const teamNames = new Map(impact.teams.map((team) => [team.id, team.name]));
  const columns: CsvColumn<Impact["items"][number]>[] = [
    { label: "kind", value: (item) => item.kind },
    { label: "name", value: (item) => item.name },
    { label: "team", value: (item) => (item.teamId ? (teamNames.get(item.teamId) ?? "") : "") },
    { label: "owner", value: (item) => item.owner ?? "" },
    { label: "id", value: (item) => item.id },
  ];
  return toCsv(impact.items, columns);
}

/** The graph as pretty-printed JSON: nodes, edges and the truncation flag. */
export function graphToJson(graph: LineageGraph): string {
  return JSON.stringify({ nodes: graph.nodes, edges: graph.edges, truncated: graph.truncated === true }, null, 2);
}
