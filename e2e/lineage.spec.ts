import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Opens the lineage of the first object the picker finds under exactly this name. */
async function openLineageOf(page: Page, name: string, kindLabel: RegExp) {
  await page.goto(`/lineage?q=${encodeURIComponent(name)}`);
  const results = page.getByRole("list", { name: "Matching objects" });
  await results
    .getByRole("link")
    .filter({ hasText: new RegExp(`^${name}`) })
    .filter({ hasText: kindLabel })
    .first()
    .click();
  await expect(page).toHaveURL(/\/lineage\?root=/);
  await expect(page.getByTestId("lineage-canvas")).toHaveAttribute("data-state", "ready");
}

function node(page: Page, name: string) {
  return page.getByTestId("lineage-node").filter({ has: page.getByText(name, { exact: true }) });
}

test.describe("lineage explorer", () => {
  test("opens a demo feature's lineage and expands upstream to its source", async ({ signedInAs }) => {
    const page = await signedInAs("viewer", "/lineage");

    await test.step("open txn_count_30d at feature level, one hop each way", async () => {
      await openLineageOf(page, "txn_count_30d", /Feature · in user_profile/);
      await expect(page.getByRole("heading", { name: "Lineage of txn_count_30d" })).toBeVisible();
      await expect(node(page, "txn_count_30d")).toBeVisible();
      await expect(node(page, "user_profile")).toBeVisible();
      await expect(node(page, "fraud_scoring_v3")).toBeVisible();
      // Its source columns are one hop upstream at feature level.
      await expect(node(page, "created_at")).toHaveAttribute("data-kind", "column");
      await expect(page.getByTestId("lineage-node").filter({ hasText: "transactions" })).toHaveCount(0);
    });

    await test.step("expand the column upstream to its data source, then collapse", async () => {
      await node(page, "created_at")
        .getByRole("button", { name: /Expand 1 upstream of created_at/ })
        .click();
      const source = page
        .locator('[data-testid="lineage-node"][data-kind="data_source"]')
        .filter({ hasText: "transactions" });
      await expect(source).toBeVisible();
      await expect(page.getByTestId("lineage-canvas")).toHaveAttribute("data-state", "ready");

      await source.click();
      await expect(page.getByTestId("node-details")).toContainText("Data source");
      await expect(page.getByRole("link", { name: "Open in the catalog →" })).toHaveAttribute(
        "href",
        /\/catalog\/data_source\//,
      );

      await node(page, "created_at")
        .getByRole("button", { name: /Collapse upstream of created_at/ })
        .click();
      await expect(source).toHaveCount(0);
    });

    await test.step("object level folds features into their view", async () => {
      await page.getByRole("button", { name: "Objects", exact: true }).click();
      await expect(page).toHaveURL(/level=object/);
      await expect(page.getByTestId("lineage-canvas")).toHaveAttribute("data-state", "ready");
      await expect(page.locator('[data-testid="lineage-node"][data-kind="feature"]')).toHaveCount(0);
      await expect(node(page, "user_profile")).toBeVisible();
    });
  });

  test("the impact panel of the transactions source lists its services and models", async ({ signedInAs }) => {
    const page = await signedInAs("viewer", "/lineage");
    await openLineageOf(page, "transactions", /Data source/);

    await test.step("open the impact tab of the selected root", async () => {
      await page.getByRole("tab", { name: "Impact" }).click();
      await expect(page.getByTestId("impact-panel")).toBeVisible();
    });

    await test.step("services and models downstream are listed, and agree with the API", async () => {
      const services = page.getByTestId("impact-list-feature_service");
      const models = page.getByTestId("impact-list-model");
      await expect(services.getByRole("link", { name: "fraud_scoring_v3" })).toBeVisible();
      await expect(models.getByRole("link", { name: "fraud_detector" })).toBeVisible();
      await expect(models.getByRole("link", { name: "chargeback_predictor" })).toBeVisible();

      const root = new URL(page.url()).searchParams.get("root")!;
      const env = new URL(page.url()).searchParams.get("env");
      const response = await page.request.get(
        `/api/v1/lineage/impact?node=${encodeURIComponent(root)}${env && env !== "all" ? `&env=${env}` : ""}`,
      );
      expect(response.ok()).toBe(true);
      const impact = (await response.json()) as {
        items: { kind: string; name: string }[];
        counts: Record<string, number>;
      };
      const expectedServices = impact.items.filter((item) => item.kind === "feature_service").map((item) => item.name);
      const expectedModels = impact.items.filter((item) => item.kind === "model").map((item) => item.name);
      expect(expectedServices.length).toBeGreaterThan(1);
      await expect(services.getByRole("link")).toHaveText(expectedServices);
      await expect(models.getByRole("link")).toHaveText(expectedModels);
      await expect(page.getByTestId("impact-count-feature_service")).toHaveText(String(impact.counts.feature_service));
    });

    await test.step("the impact exports as CSV, naming teams rather than their ids", async () => {
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Export CSV" }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe("impact-transactions.csv");
      const csv = readFileSync((await file.path())!, "utf8");
      const [header, ...rows] = csv.trimEnd().split("\r\n");
      expect(header).toBe("kind,name,team,owner,id");
      const root = new URL(page.url()).searchParams.get("root")!;
      const env = new URL(page.url()).searchParams.get("env");
      const impact = (await (
        await page.request.get(
          `/api/v1/lineage/impact?node=${encodeURIComponent(root)}${env && env !== "all" ? `&env=${env}` : ""}`,
        )
      ).json()) as {
        items: { name: string; teamId?: string; teamName?: string }[];
        teams: { id: string; name: string }[];
      };
      expect(rows.map((row) => row.split(",")[1])).toEqual(impact.items.map((item) => item.name));
      expect(impact.teams.length).toBeGreaterThan(0);
      const named = impact.items.filter((item) => item.teamName);
      expect(named.length).toBeGreaterThan(0);
      for (const item of named) {
        expect(rows.some((row) => row.includes(`,${item.name},${item.teamName},`))).toBe(true);
      }
      for (const team of impact.teams) expect(csv).not.toContain(team.id);
    });

    await test.step("long names in the impact list are whole on hover", async () => {
      for (const link of await page.getByTestId("impact-panel").getByRole("link").all()) {
        expect(await link.getAttribute("title")).toBe((await link.textContent())?.trim());
      }
    });
  });

  test("nodes show their full name on hover, and the minimap stays in the canvas beside the panel", async ({
    signedInAs,
  }) => {
    const page = await signedInAs("viewer", "/lineage");
    await openLineageOf(page, "transactions", /Data source/);

    await test.step("a truncated name is shown whole in a tooltip on hover", async () => {
      const names = page.getByTestId("lineage-node-name");
      // Prefer a name the node cuts off (the longest demo names are); any node shows the tooltip.
      const cut = await names.evaluateAll((elements) =>
        Math.max(
          0,
          elements.findIndex((element) => element.scrollWidth > element.clientWidth),
        ),
      );
      // One name per node, in the same order.
      const node = page.getByTestId("lineage-node").nth(cut);
      const fullName = (await node.getAttribute("aria-label"))!.replace(/ \([^)]*\)$/, "");
      const tooltip = node.getByTestId("lineage-node-tooltip");
      await expect(tooltip).toBeHidden();
      await node.hover();
      await expect(tooltip).toBeVisible();
      await expect(tooltip).toContainText(fullName);
      const box = (await tooltip.boundingBox())!;
      // Wide enough for the whole name: at least the name's own width.
      expect(box.width).toBeGreaterThanOrEqual((await names.nth(cut).boundingBox())!.width);
    });

    await test.step("expand badges sit outside the node, clear of its name", async () => {
      const expand = page.getByRole("button", { name: /^Expand/ });
      const node = page.getByTestId("lineage-node").filter({ has: expand }).first();
      const button = node.getByRole("button", { name: /^Expand/ }).first();
      await expect(button).toBeVisible();
      const nodeBox = (await node.boundingBox())!;
      const buttonBox = (await button.boundingBox())!;
      const isOutside = buttonBox.x + buttonBox.width <= nodeBox.x + 1 || buttonBox.x >= nodeBox.x + nodeBox.width - 1;
      expect(isOutside).toBe(true);
    });

    await test.step("with the side panel open the minimap is inside the canvas, not under the panel", async () => {
      const panel = page.getByTestId("lineage-side-panel");
      await expect(panel).toBeVisible();
      const minimap = page.getByRole("img", { name: /Minimap of the lineage graph/ }).first();
      await expect(minimap).toBeVisible();
      const canvas = (await page.getByTestId("lineage-canvas").boundingBox())!;
      const map = (await minimap.boundingBox())!;
      const side = (await panel.boundingBox())!;
      expect(map.x).toBeGreaterThanOrEqual(canvas.x);
      expect(map.x + map.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
      expect(map.y + map.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
      const overlaps =
        map.x < side.x + side.width &&
        side.x < map.x + map.width &&
        map.y < side.y + side.height &&
        side.y < map.y + map.height;
      expect(overlaps).toBe(false);
    });
  });

  test("a stale demo view shows its health badge in prod", async ({ signedInAs }) => {
    const page = await signedInAs("viewer", "/lineage");
    await openLineageOf(page, "merchant_risk_stats", /Feature view/);

    await test.step("switch the explorer to prod", async () => {
      await page.getByLabel("Environment").selectOption("prod");
      await expect(page).toHaveURL(/env=prod/);
      await expect(page.getByTestId("lineage-canvas")).toHaveAttribute("data-state", "ready");
    });

    await test.step("the view is marked stale, with a legend", async () => {
      const view = page
        .locator('[data-testid="lineage-node"][data-kind="feature_view"]')
        .filter({ hasText: "merchant_risk_stats" });
      await expect(view).toHaveAttribute("data-health", "bad");
      await expect(view.getByTestId("health-badge")).toHaveText(/^stale /);
      await expect(view.getByTestId("health-badge")).toHaveAttribute("title", /SLA/);
      await page.getByText("Legend").click();
      await expect(page.getByTestId("health-legend")).toContainText("stale beyond SLA");
    });
  });

  test("bad input gets clear answers, never a 500", async ({ signedInAs }) => {
    const page = await signedInAs("viewer", "/lineage");
    const api = page.request;
    expect((await api.get("/api/v1/lineage?root=feature_view:does-not-exist")).status()).toBe(404);
    expect((await api.get("/api/v1/lineage?root=feature_view:abc&up=-1")).status()).toBe(400);
    expect((await api.get("/api/v1/lineage?root=feature_view:abc&down=100000")).status()).toBe(400);
    expect((await api.get("/api/v1/lineage?root=nonsense")).status()).toBe(400);
    expect((await api.get("/api/v1/lineage/impact?node=model:missing")).status()).toBe(404);
    await page.goto("/lineage?root=feature_view:does-not-exist");
    await expect(page.getByText("No such object in this workspace")).toBeVisible();
  });
});
