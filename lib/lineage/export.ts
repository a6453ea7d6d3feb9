import type { Impact, LineageGraph } from "@/lib/lineage/types";

const CSV_HEADER = ["kind", "name", "owner", "team_id", "id"];

/** RFC 4180: quote fields holding a comma, quote or line break; double inner quotes. */
function csvField(value: string): string {
  // Registry names are user input and the file is opened in spreadsheets: keep formulas inert.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The impacted objects as CSV (CRLF line breaks, header row first). */
export function impactToCsv(impact: Impact): string {
  const rows = impact.items.map((item) => [item.kind, item.name, item.owner ?? "", item.teamId ?? "", item.id]);
  return [CSV_HEADER, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** The graph as pretty-printed JSON: nodes, edges and the truncation flag. */
export function graphToJson(graph: LineageGraph): string {
  return JSON.stringify({ nodes: graph.nodes, edges: graph.edges, truncated: graph.truncated === true }, null, 2);
}
