import { expect, test, type Page } from "@playwright/test";
import { apiAs, signIn } from "./fixtures";

/* Authoring in the browser and as code, on the demo catalog (stream source "logins", entity "user"). */

// Saves and first renders can take several seconds on a cold server: waits for them are longer.
const SLOW = { timeout: 45_000 };

async function windowInput(page: Page, aggregation: number, window: number) {
  return page.getByLabel(`Aggregation ${aggregation} window ${window}`, { exact: true });
}

test.describe("authoring a stream feature view", () => {
  test("an author creates, validates, saves, edits, diffs and reverts", async ({ page }) => {
    test.setTimeout(180_000);
    const name = `e2e_login_velocity_${Date.now().toString(36)}`;

    await test.step("open the editor for a new feature view", async () => {
      await signIn(page, "author", "/catalog/feature_view/new");
      await expect(page.getByRole("heading", { name: "New feature view" })).toBeVisible(SLOW);
    });

    await test.step("fill in a stream view with two windows and see validation as you type", async () => {
      await page.getByLabel("Name", { exact: true }).fill("2bad name");
      await expect(page.getByText(/must be an identifier/)).toBeVisible();
      await page.getByLabel("Name", { exact: true }).fill(name);
      await expect(page.getByText(/must be an identifier/)).toHaveCount(0);

      await page.getByLabel("View kind").selectOption("stream");
      await page.getByLabel("Stream source").selectOption("logins");
      await page.getByRole("checkbox", { name: /^user \(/ }).check();
      await page.getByLabel("Column", { exact: true }).fill("login_id");
      await (await windowInput(page, 1, 1)).fill("5m");
      await page.getByRole("button", { name: "Add window" }).click();
      await (await windowInput(page, 1, 2)).fill("soon");
      await expect(page.getByText(/Not a duration/)).toBeVisible();
      await expect(await windowInput(page, 1, 2)).toHaveAttribute("aria-invalid", "true");
    });

    await test.step("saving with an error is refused with the message at the field", async () => {
      await page.getByRole("button", { name: "Create feature view" }).click();
      const problems = page.getByRole("alert").filter({ hasText: "Fix 1 problem before saving." });
      await expect(problems).toBeVisible();
      await expect(problems).toContainText("aggregations[0].windows[1]");
      await (await windowInput(page, 1, 2)).fill("1h");
      await expect(page.getByText(/Not a duration/)).toHaveCount(0);
    });

    await test.step("add the features the aggregations produce, and save version 1", async () => {
      await page.getByRole("button", { name: /Add features for the aggregations \(2\)/ }).click();
      await expect(page.getByLabel("Feature 2 name")).toHaveValue("login_id_count_1h");
      await page.getByLabel("Version message").fill("First cut");
      await page.getByRole("button", { name: "Create feature view" }).click();
      await expect(page).toHaveURL(/\/catalog\/feature_view\/[^/]+\/edit\?created=1/, SLOW);
      await expect(page.getByRole("status").filter({ hasText: "Created version 1" })).toBeVisible(SLOW);
    });

    await test.step("edit: change the second window, add tags, save version 2, then save unchanged", async () => {
      await (await windowInput(page, 1, 2)).fill("2h");
      await page.getByLabel("TTL").fill("1d");
      // Version 2 is longer than version 1: the diff must still show its last lines (issue 15).
      await page.getByLabel("Tags").fill("pii, tier-1");
      await page.getByLabel("Version message").fill("Longer window");
      await page.getByRole("button", { name: "Save new version" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved version 2." })).toBeVisible(SLOW);
      await page.getByRole("button", { name: "Save new version" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved unchanged: nothing to do" })).toBeVisible(SLOW);
    });

    await test.step("the history compares version 1 with version 2, fields and code", async () => {
      await page.getByRole("link", { name: "History" }).click();
      await expect(page.getByRole("heading", { name: `History of ${name}` })).toBeVisible(SLOW);
      await expect(page.getByTestId("version-row-2")).toContainText("Longer window");
      await page.getByLabel("From", { exact: true }).selectOption("1");
      await page.getByLabel("To", { exact: true }).selectOption("2");
      await page.getByRole("button", { name: "Compare" }).click();
      await expect(page.getByRole("heading", { name: `${name}: version 1 → version 2` })).toBeVisible(SLOW);
      const changes = page.getByTestId("field-changes");
      const window = changes.locator('tr[data-path="aggregations[0].windows[1]"][data-field-change="added"]');
      await expect(window).toContainText("aggregations[0].windows(added)");
      await expect(window.locator("td").nth(2)).toHaveText("2h");
      await expect(changes).toContainText("ttl");
    });

    await test.step("the definition diff shows every line of both versions, the last ones too", async () => {
      const yamlDiff = page.getByRole("table", { name: "Definition as YAML" });
      await expect(yamlDiff).toBeVisible(SLOW);
      // Line numbers per side, folded unchanged runs included: 1..N with none missing.
      const numbers = async (column: number) =>
        (await yamlDiff.locator(`tr[data-change] > td:nth-child(${column})`).allTextContents())
          .filter((text) => text.trim() !== "")
          .map(Number);
      const left = await numbers(1);
      const right = await numbers(3);
      expect(left).toEqual(Array.from({ length: left.length }, (_, i) => i + 1));
      expect(right).toEqual(Array.from({ length: right.length }, (_, i) => i + 1));
      expect(right.length).toBeGreaterThan(left.length);
      for (const tag of ["pii", "tier-1"]) {
        await expect(yamlDiff.locator('tr[data-change="added"]', { hasText: `- ${tag}` })).toBeVisible();
      }
      // Folded unchanged runs open on request; then the last line of version 2 is on screen.
      const folds = yamlDiff.locator("details:not([open]) > summary");
      for (let closed = await folds.count(); closed > 0; closed--) await folds.first().click();
      await expect(folds).toHaveCount(0);
      const lastRow = yamlDiff.locator("tr[data-change]").filter({
        has: page.locator("td:nth-child(3)", { hasText: new RegExp(`^${right.length}$`) }),
      });
      await expect(lastRow).toBeVisible();
      await expect(lastRow.locator("td:nth-child(4)")).not.toBeEmpty();
    });

    await test.step("revert to version 1 creates version 3 equal to it", async () => {
      await page.getByRole("link", { name: "history" }).click();
      await page.getByRole("button", { name: "Revert to version 1" }).click();
      await expect(page.getByTestId("version-row-3")).toContainText("Revert to version 1", SLOW);
      await page.goto(page.url().replace(/\/versions.*$/, "/versions/diff?from=1&to=3"));
      await expect(page.getByTestId("field-changes")).toHaveCount(0);
      await expect(page.getByText("No differences.")).toBeVisible(SLOW);
    });
  });

  test("saving over someone else's newer version shows what changed, and nothing is lost", async ({
    page,
    baseURL,
    playwright,
  }) => {
    test.setTimeout(120_000);
    const name = `e2e_merchant_${Date.now().toString(36)}`;
    const api = await apiAs(playwright, baseURL!, "author");
    const created = await api.post("/api/v1/definitions/entity", {
      data: { definition: { name, joinKeys: [{ name: "merchant_id", valueType: "int64" }] } },
    });
    expect(created.status()).toBe(201);
    const { objectId } = await created.json();

    await signIn(page, "author", `/catalog/entity/${objectId}/edit`);
    await expect(page.getByRole("heading", { name: `Edit entity ${name}` })).toBeVisible(SLOW);
    await page.getByLabel("Description").fill("Mine");

    const theirs = await api.put(`/api/v1/definitions/entity/${objectId}`, {
      data: { definition: { name, joinKeys: [{ name: "merchant_id", valueType: "string" }] }, baseVersionNumber: 1 },
    });
    expect((await theirs.json()).version.number).toBe(2);

    await page.getByRole("button", { name: "Save new version" }).click();
    const conflict = page.getByTestId("conflict");
    await expect(conflict).toContainText("Someone saved a newer version", SLOW);
    await expect(conflict).toContainText("joinKeys[name=merchant_id].valueType");
    await expect(page.getByLabel("Description")).toHaveValue("Mine");
    await conflict.getByRole("button", { name: "Save mine over version 2" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved version 3." })).toBeVisible(SLOW);
  });

  // "user_profile": a URL with "/login_activity" would read as the login page to signIn's check.
  test("a viewer cannot edit", async ({ page, baseURL, playwright }) => {
    await signIn(page, "viewer", "/catalog/feature_view/user_profile/versions");
    await expect(page.getByRole("heading", { name: "History of user_profile" })).toBeVisible(SLOW);
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Revert/ })).toHaveCount(0);
    await page.goto("/catalog/feature_view/user_profile/edit");
    await expect(page).toHaveURL(/\/forbidden/, SLOW);
    await page.goto("/catalog/feature_view/new");
    await expect(page).toHaveURL(/\/forbidden/, SLOW);

    const api = await apiAs(playwright, baseURL!, "viewer");
    const current = await api.get("/api/v1/definitions/feature_view/user_profile");
    expect(current.status()).toBe(200);
    const body = await current.json();
    const save = await api.put("/api/v1/definitions/feature_view/user_profile", {
      data: { definition: body.definition, baseVersionNumber: body.version.number },
    });
    expect(save.status()).toBe(403);
    const apply = await api.post("/api/v1/apply", {
      data: "entities: []\n",
      headers: { "content-type": "application/yaml" },
    });
    expect(apply.status()).toBe(403);
  });
});

test.describe("Feast import", () => {
  test("an author uploads a registry dump; importing it again changes nothing", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "author", "/imports/feast");
    await expect(page.getByRole("heading", { name: "Import from Feast" })).toBeVisible(SLOW);
    await page
      .getByLabel(/^Feast registry:/)
      .setInputFiles("lib/__tests__/fixtures/feast/credit_scoring_registry-dump.json");
    const report = page.getByTestId("import-report");
    await page.getByRole("button", { name: "Check what would change" }).click();
    await expect(report).toContainText("Plan from Feast project credit_scoring_aws", SLOW);
    await page.getByRole("button", { name: "Apply this plan" }).click();
    await expect(report).toContainText("Imported from Feast project credit_scoring_aws", SLOW);
    await expect(report).toContainText("__dummy");
    await page.getByRole("button", { name: "Check what would change" }).click();
    await expect(report).toContainText("nothing to change (14 unchanged", SLOW);
  });
});

test.describe("plan and apply API", () => {
  test("malformed text is a 400 naming line and column; a schema violation is a 422 naming the path", async ({
    baseURL,
    playwright,
  }) => {
    const api = await apiAs(playwright, baseURL!, "author");
    const malformed = await api.post("/api/v1/plan", {
      data: "featureViews:\n  - name: x\n    sources: [a\n",
      headers: { "content-type": "application/yaml" },
    });
    expect(malformed.status()).toBe(400);
    const malformedBody = await malformed.json();
    expect(malformedBody.error.message).toMatch(/^Malformed YAML at line \d+, column \d+/);
    expect(malformedBody.error.details).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });

    const badJson = await api.post("/api/v1/apply", {
      data: Buffer.from('{"entities": [}'),
      headers: { "content-type": "application/json" },
    });
    expect(badJson.status()).toBe(400);
    expect((await badJson.json()).error.message).toMatch(/line 1, column \d+/);

    const invalid = await api.post("/api/v1/apply", {
      data: [
        "featureViews:",
        "  - name: a",
        "    kind: stream",
        "    aggregations:",
        "      - function: count",
        "        column: x",
        "        windows: [5m, soon]",
      ].join("\n"),
      headers: { "content-type": "application/yaml" },
    });
    expect(invalid.status()).toBe(422);
    const invalidBody = await invalid.json();
    expect(invalidBody.error.fields).toContainEqual({
      path: "featureViews[0].aggregations[0].windows[1]",
      message: expect.stringContaining("Not a duration"),
    });
  });

  test("plan then apply a new entity; the second apply changes nothing", async ({ baseURL, playwright }) => {
    const api = await apiAs(playwright, baseURL!, "author");
    const name = `e2e_device_${Date.now().toString(36)}`;
    const document = `entities:\n  - name: ${name}\n    joinKeys:\n      - name: device_id\n        valueType: string\n`;
    const headers = { "content-type": "application/yaml" };
    const plan = await (await api.post("/api/v1/plan", { data: document, headers })).json();
    expect(plan).toMatchObject({ applied: false, create: [{ kind: "entity", name }], update: [], delete: [] });
    const applied = await (await api.post("/api/v1/apply", { data: document, headers })).json();
    expect(applied).toMatchObject({ applied: true, versions: [{ kind: "entity", name, number: 1 }] });
    const again = await (await api.post("/api/v1/apply", { data: document, headers })).json();
    expect(again).toMatchObject({ create: [], update: [], versions: [] });
    const schema = await (await api.get("/api/v1/schema")).json();
    expect(schema.properties).toHaveProperty("featureViews");
  });
});
