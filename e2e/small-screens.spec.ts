import type { Page } from "@playwright/test";
import { expect, openFromCatalog, test } from "./fixtures";

/*
 * Phones (390 px) and tablets (768 px): no page scrolls sideways, the navigation sits behind a
 * Menu button, the catalog shows results first with its filters in a drawer, and the lineage
 * panel of a selected node is a sheet over the canvas.
 */
const PAGES = [
  "/",
  "/catalog",
  "/catalog?q=login",
  "/lineage",
  "/promotions",
  "/promotions/1",
  "/promotions/new",
  "/monitoring",
  "/monitoring/freshness",
  "/monitoring/serving",
  "/monitoring/features",
  "/monitoring/alerts",
  "/monitoring/rules",
  "/monitoring/channels",
  "/authoring",
  "/stars",
  "/docs/api",
  "/admin/users",
  "/admin/sso",
  "/admin/tokens",
  "/admin/feast",
  "/account",
];

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const width of [390, 768]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 844 } });
    test.describe.configure({ timeout: 180_000 });

    test("no main page scrolls sideways", async ({ signedInAs }) => {
      const page = await signedInAs("admin");
      const wide: string[] = [];
      for (const path of PAGES) {
        await page.goto(path);
        await expect(page.locator("main h1").first()).toBeVisible();
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) wide.push(`${path} (+${overflow} px)`);
      }
      expect(wide, "pages wider than the screen").toEqual([]);
    });

    test("the navigation opens from the Menu button", async ({ signedInAs }) => {
      const page = await signedInAs("author", "/");
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav).toBeHidden();
      const menu = page.getByRole("button", { name: "Menu" });
      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(nav.getByRole("link", { name: "Authoring" })).toBeVisible();
      await expect(page.getByLabel("Env")).toBeVisible();
      await nav.getByRole("link", { name: "Catalog" }).click();
      await expect(page).toHaveURL(/\/catalog$/);
      await expect(nav).toBeHidden();
      await expect(menu).toHaveAttribute("aria-expanded", "false");
    });

    test("catalog results come first, filters open in a drawer", async ({ signedInAs }) => {
      const page = await signedInAs("viewer", "/catalog");
      const filters = page.getByRole("complementary", { name: "Filters" });
      await expect(page.getByTestId("catalog-row").first()).toBeVisible();
      await expect(filters).toBeHidden();
      await page.getByRole("button", { name: "Filters" }).click();
      await expect(filters).toBeVisible();
      await filters
        .getByRole("link", { name: /^stream/ })
        .first()
        .click();
      await expect(page).toHaveURL(/viewKind=stream/);
      await expect(filters).toBeHidden();
      await expect(page.getByTestId("catalog-row").first()).toBeVisible();
    });

    test("a feature page with its distribution and statistics fits the screen", async ({ signedInAs }) => {
      const page = await signedInAs("viewer");
      await openFromCatalog(page, "feature", "txn_count_30d");
      await expect(page.getByTestId("feature-histogram").locator(".recharts-bar-rectangle").first()).toBeVisible({
        timeout: 30_000,
      });
      await expect(page.getByTestId("feature-stats")).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });

    test("the lineage panel of a selected node is a sheet over the canvas", async ({ signedInAs }) => {
      const page = await signedInAs("viewer", "/lineage?q=user_profile");
      await page
        .getByRole("list", { name: "Matching objects" })
        .getByRole("link")
        .filter({ hasText: /^user_profile/ })
        .first()
        .click();
      await expect(page.getByTestId("lineage-canvas")).toHaveAttribute("data-state", "ready");
      // The root is selected on opening: its panel is a full-width sheet at the bottom.
      const sheet = page.getByTestId("lineage-side-panel");
      await expect(sheet).toBeVisible();
      expect(await sheet.evaluate((element) => getComputedStyle(element).position)).toBe("fixed");
      const box = await sheet.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(width - 20);
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(844 - 2);
      await sheet.getByRole("button", { name: "Close the panel" }).click();
      await expect(sheet).toBeHidden();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });
  });
}
