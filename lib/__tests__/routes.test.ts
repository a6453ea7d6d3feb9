import { describe, expect, it } from "vitest";
import {
  catalogHref,
  catalogListHref,
  lineageHref,
  hasMonitoringView,
  monitoringHref,
  newObjectHref,
  newPromotionHref,
  promotionHref,
  versionHref,
} from "@/lib/routes";

describe("routes", () => {
  it("builds object pages with the id encoded", () => {
    expect(catalogHref("feature_view", "fv_1")).toBe("/catalog/feature_view/fv_1");
    expect(catalogHref("feature_view", "a/b", "edit")).toBe("/catalog/feature_view/a%2Fb/edit");
    expect(versionHref("entity", "e1", 3)).toBe("/catalog/entity/e1/versions/3");
    expect(newObjectHref("model")).toBe("/catalog/model/new");
  });

  it("builds filtered lists and the cross-area links", () => {
    expect(catalogListHref()).toBe("/catalog");
    expect(catalogListHref({ kind: "entity", team: "fraud risk" })).toBe("/catalog?kind=entity&team=fraud+risk");
    expect(lineageHref("feature", "f1")).toBe("/lineage?root=feature:f1");
    expect(lineageHref("feature", "f1", "staging")).toBe("/lineage?root=feature:f1&env=staging");
    expect(monitoringHref("feature", "f1")).toBe("/monitoring/features/f1");
    expect(monitoringHref("feature_view", "a/b")).toBe("/monitoring/freshness/a%2Fb");
    expect(monitoringHref("feature_service", "s1")).toBe("/monitoring/services/s1");
    expect(monitoringHref("model", "m1")).toBe("/monitoring/models/m1");
    expect(monitoringHref("entity", "e1")).toBe("/monitoring");
    expect(hasMonitoringView("data_source")).toBe(false);
    expect(promotionHref(12)).toBe("/promotions/12");
    expect(newPromotionHref("feature_view", "v1")).toBe("/promotions/new?object=feature_view:v1");
  });
});
