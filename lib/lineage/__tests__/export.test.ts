import { describe, expect, it } from "vitest";

import { buildLineageGraph } from "@/lib/lineage/build";
import { graphToJson, impactToCsv } from "@/lib/lineage/export";
import { impactOf, neighborhood } from "@/lib/lineage/traverse";
import type { Impact } from "@/lib/lineage/types";

import { fraudRegistry } from "./fixtures";

describe("impactToCsv", () => {
  it("writes a header and one CRLF-terminated row per impacted object", () => {
    const impact = impactOf(buildLineageGraph(fraudRegistry()), "column:txn_amount")!;
    expect(impactToCsv({ ...impact, teams: [{ id: "fraud", name: "Fraud Detection" }] })).toBe(
      [
        "kind,name,team,owner,id",
        "feature_view,txn_amount_vs_avg,Fraud Detection,ana@acme.io,feature_view:txn_vs_avg",
        "feature,amount_over_avg,Fraud Detection,ana@acme.io,feature:amount_over_avg",
        "feature,avg_30d_spend,Fraud Detection,ana@acme.io,feature:avg_30d_spend",
        "feature_service,fraud_scoring_v3,Fraud Detection,ana@acme.io,feature_service:fraud_v3",
        "model,fraud_detector,Fraud Detection,ml@acme.io,model:detector",
        "",
      ].join("\r\n"),
    );
  });

  it("names teams, never their ids, and leaves the team empty when it is unknown or unset", () => {
    const impact: Impact = {
      rootId: "data_source:x",
      rootName: "x",
      items: [
        { id: "feature:a", kind: "feature", objectId: "a", name: "a", teamId: "t_1" },
        { id: "feature:b", kind: "feature", objectId: "b", name: "b", teamId: "t_gone" },
        { id: "feature:c", kind: "feature", objectId: "c", name: "c" },
      ],
      counts: { feature_view: 0, feature: 3, feature_service: 0, model: 0 },
      total: 3,
      owners: [],
      teamIds: ["t_1", "t_gone"],
    };
    const csv = impactToCsv({ ...impact, teams: [{ id: "t_1", name: "Growth, EMEA" }] });
    expect(csv.split("\r\n").slice(1, 4)).toEqual([
      'feature,a,"Growth, EMEA",,feature:a',
      "feature,b,,,feature:b",
      "feature,c,,,feature:c",
    ]);
    expect(csv).not.toContain("t_1");
    expect(csv).not.toContain("t_gone");
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
    const lines = impactToCsv({ ...impact, teams: [] }).split("\r\n");
    expect(lines[1]).toBe('feature,"say ""hi"", twice",,,feature:a');
    expect(lines[2]).toBe('feature,"two\nlines",,\'=HYPERLINK(1),feature:b');
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
