import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogObjectExists } from "@/lib/data/object-exists";
import type { CatalogKind } from "@/lib/search/types";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { loadSearchFixture, type SearchFixture } from "./search-catalog-fixture";

let db: TestDatabase;
let fixture: SearchFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await loadSearchFixture(db.prisma);
});

afterAll(async () => {
  await db?.cleanup();
});

describe(`the detail layouts' existence check (${process.env.FEATURELINE_TEST_ENGINE ?? "pglite"})`, () => {
  const exists = (kind: CatalogKind, id: string, workspaceId = fixture.workspaceId) =>
    catalogObjectExists(db.prisma, { workspaceId, kind, id });

  it.each([
    ["feature", "login_count_15m"],
    ["feature_view", "login_activity"],
    ["data_source", "logins"],
    ["entity", "user"],
    ["feature_service", "fraud_scoring_v3"],
    ["model", "fraud_detector"],
  ] as const)("finds a %s by id, and by name where names are unique in a workspace", async (kind, name) => {
    expect(await exists(kind, fixture.ids[name]!)).toBe(true);
    // Features are named only within their view, so their pages take ids alone.
    expect(await exists(kind, name)).toBe(kind !== "feature");
  });

  it("finds nothing of another workspace, of another kind, or unknown", async () => {
    expect(await exists("feature_view", fixture.ids.login_activity!, fixture.otherWorkspaceId)).toBe(false);
    expect(await exists("feature_service", fixture.ids.login_activity!)).toBe(false);
    expect(await exists("saved_dataset", "no_such_dataset")).toBe(false);
    expect(await exists("feature", "x' OR '1'='1")).toBe(false);
  });
});
