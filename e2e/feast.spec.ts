import { encodeFeastRegistry } from "../lib/feast/registry-proto";
import { expect, test } from "./fixtures";

/*
 * A Feast registry.db uploaded in the browser: the plan first, applied on confirmation, then the
 * freshness history Feast's materialization intervals became.
 */

const SLOW = { timeout: 45_000 };

function registryDb(suffix: string): Buffer {
  const hour = 3_600_000;
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * hour).toISOString().replace(/\.\d+Z$/, "Z");
  const project = `e2e_feast_${suffix}`;
  return Buffer.from(
    encodeFeastRegistry({
      projects: [{ spec: { name: project } }],
      entities: [{ spec: { name: `rider_${suffix}`, joinKey: "rider_id", valueType: 4, project } }],
      featureViews: [
        {
          spec: {
            name: `rider_trips_${suffix}`,
            project,
            entities: [`rider_${suffix}`],
            features: [{ name: "trips_today", valueType: 4 }],
            batchSource: { type: 1, timestampField: "ts", fileOptions: { uri: "s3://rides/trips.parquet" } },
            online: true,
          },
          meta: {
            createdTimestamp: at(48),
            materializationIntervals: [
              { startTime: at(6), endTime: at(4) },
              { startTime: at(4), endTime: at(2) },
            ],
          },
        },
      ],
    }),
  );
}

test("an admin uploads registry.db that runs in prod, reads the plan, applies it and sees the view's freshness history in prod", async ({
  signedInAs,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const view = `rider_trips_${suffix}`;
  const page = await signedInAs("admin", "/imports/feast");

  await test.step("upload registry.db and read the plan", async () => {
    await expect(page.getByRole("heading", { name: "Import from Feast" })).toBeVisible(SLOW);
    await page.getByLabel(/^Feast registry:/).setInputFiles({
      name: "registry.db",
      mimeType: "application/octet-stream",
      buffer: registryDb(suffix),
    });
    await expect(page.getByRole("button", { name: "Apply this plan" })).toBeDisabled();
    await page.getByLabel("Where does this Feast registry run?").selectOption("prod");
    await page.getByRole("button", { name: "Check what would change" }).click();
    const report = page.getByTestId("import-report");
    await expect(report).toContainText(`Plan from Feast project e2e_feast_${suffix}`, SLOW);
    await expect(report).toContainText("3 to create");
    await expect(report).toContainText(view);
    await expect(report).toContainText(`${view}_source`);
    await expect(report).toContainText("Nothing is written until you apply this plan.");
    // New to prod: they may become active there without a promotion.
    await expect(report).toContainText("3 objects to become active in prod");
  });

  await test.step("apply it", async () => {
    await page.getByRole("button", { name: "Apply this plan" }).click();
    const report = page.getByTestId("import-report");
    await expect(report).toContainText("Imported from Feast project", SLOW);
    await expect(report).toContainText("2 materialization runs added to the freshness history");
    await expect(report).toContainText("3 objects became active in prod");
  });

  await test.step("see the freshness history of the imported view in prod", async () => {
    await page.goto("/monitoring/freshness?env=prod");
    await page.getByRole("link", { name: view }).first().click();
    await expect(page.getByRole("heading", { name: `Freshness: ${view}` })).toBeVisible(SLOW);
    await expect(page.getByText("Runs in range")).toBeVisible();
    await expect(page.getByTestId("runs-chart")).toBeVisible();
  });
});

test("a file that is not a registry is refused with a message, nothing planned", async ({ signedInAs }) => {
  const page = await signedInAs("author", "/imports/feast");
  await page.getByLabel(/^Feast registry:/).setInputFiles({
    name: "registry.db",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("GIF89a not a registry at all"),
  });
  await page.getByRole("button", { name: "Check what would change" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "registry.db:" })).toContainText(
    "This is not a Feast registry",
    SLOW,
  );
  await expect(page.getByRole("button", { name: "Apply this plan" })).toBeDisabled();
});
