import { describe, expect, it } from "vitest";

import { buildLineageGraph } from "@/lib/lineage/build";
import { graphToJson, impactToCsv } from "@/lib/lineage/export";
import { impactOf, neighborhood } from "@/lib/lineage/traverse";
import type { Impact } from "@/lib/lineage/types";

import { fraudRegistry } from "./fixtures";

describe("impactToCsv", () => {
  it("writes a header and one CRLF-terminated row per impacted object", () => {
    const impact = impactOf(buildLineageGraph(fraudRegistry()), "column:txn_amount")!;
    expect(impactToCsv(impact)).toBe(
      [
        "kind,name,owner,team_id,id",
        "feature_view,txn_amount_vs_avg,ana@acme.io,fraud,feature_view:txn_vs_avg",
        "feature,amount_over_avg,ana@acme.io,fraud,feature:amount_over_avg",
        "feature,avg_30d_spend,ana@acme.io,fraud,feature:avg_30d_spend",
        "feature_service,fraud_scoring_v3,ana@acme.io,fraud,feature_service:fraud_v3",
        "model,fraud_detector,ml@acme.io,fraud,model:detector",
        "",
      ].join("\r\n"),
    );
  });

  it("quotes commas, quotes and line breaks (RFC 4180) and keeps formulas inert", () => {
    const impact: Impact = {
      rootId: "data_source:x",
      rootName: "x",
      items: [
        { id: "feature:a", kind: "feature", objectId: "a", name: 'say "hi", twice' },
        {
          id: "feature:b",
          kind: "feature",
          objectId: "b",
          name: "two\nlines",
          owner: "=HYPERLINK(1)",
        },
      ],
      counts: { feature_view: 0, feature: 2, feature_service: 0, model: 0 },
      total: 2,
      owners: [],
      teamIds: [],
    };
    const lines = impactToCsv(impact).split("\r\n");
    expect(lines[1]).toBe('feature,"say ""hi"", twice",,,feature:a');
    expect(lines[2]).toBe('feature,"two\nlines",\'=HYPERLINK(1),,feature:b');
    expect(lines).toHaveLength(4);
  });
});

describe("graphToJson", () => {
  it("round-trips nodes, edges and the truncation flag", () => {
    const graph = neighborhood(buildLineageGraph(fraudRegistry()), "data_source:txn", {
      maxNodes: 3,
    });
    const parsed: unknown = JSON.parse(graphToJson(graph));
    expect(parsed).toEqual({ nodes: graph.nodes, edges: graph.edges, truncated: true });
  });
});
