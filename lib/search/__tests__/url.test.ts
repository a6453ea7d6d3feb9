import { describe, expect, it } from "vitest";
import { catalogUrl } from "@/lib/search/url";

describe("catalogUrl", () => {
  it("keeps every filter in a fixed order", () => {
    expect(catalogUrl({ team: "fraud", q: "login cnt", kind: "feature", sort: "usage" })).toBe(
      "/catalog?q=login+cnt&kind=feature&team=fraud&sort=usage",
    );
  });

  it("resets the page when a filter changes and removes cleared values", () => {
    expect(catalogUrl({ q: "x", page: 3, tag: "pii" }, { tag: null })).toBe("/catalog?q=x");
    expect(catalogUrl({ q: "x", page: 3 }, { team: "growth" })).toBe("/catalog?q=x&team=growth");
  });

  it("sets a page and leaves page 1 out", () => {
    expect(catalogUrl({ q: "x" }, { page: 2 })).toBe("/catalog?q=x&page=2");
    expect(catalogUrl({ q: "x", page: 2 }, { page: 1 })).toBe("/catalog?q=x");
    expect(catalogUrl({})).toBe("/catalog");
  });

  it("encodes values safely", () => {
    expect(catalogUrl({ owner: "a&b=c@x.com", type: "array<float64>" })).toBe(
      "/catalog?owner=a%26b%3Dc%40x.com&type=array%3Cfloat64%3E",
    );
  });
});
