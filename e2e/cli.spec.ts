import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "./fixtures";

/* The command-line client (scripts/featureline-cli.mjs) against the real server, with a real token. */

const CLI = path.join(process.cwd(), "scripts", "featureline-cli.mjs");
const REGISTRY = path.join(process.cwd(), "e2e", "data", "small-registry.yaml");

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args, "--no-color"], {
      env: { ...process.env, NO_COLOR: "1", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

test("the CLI plans and applies a registry with a token, and the API reads back what it wrote", async ({
  baseURL,
  ownWorkspace,
}) => {
  const { token, api } = await ownWorkspace.token(["read", "apply"]);
  const target = ["--url", baseURL!, "--token", token];

  await test.step("plan lists every object to create and writes nothing", async () => {
    const plan = await cli(["plan", "-f", REGISTRY, ...target]);
    expect(plan.stderr).toBe("");
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("+ feature_view customer_orders");
    expect(plan.stdout).toContain("+ model checkout_risk_model");
    expect(plan.stdout).toContain("Plan: 7 to create, 0 to update, 0 to delete, 0 unchanged.");
    const listed = await (await api.get("/api/v1/catalog?facets=0&limit=100")).json();
    expect(listed).toMatchObject({ total: 0, hits: [] });
  });

  await test.step("apply writes one version per object", async () => {
    const applied = await cli(["apply", "-f", REGISTRY, "-m", "from the e2e CLI journey", ...target]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain("Applied: 7 created, 0 updated, 0 deleted, 0 unchanged; 7 version(s) written.");
  });

  await test.step("the API lists exactly the applied objects and returns their definitions", async () => {
    const listed = await (await api.get("/api/v1/catalog?facets=0&limit=100")).json();
    expect(listed.total).toBe(12);
    const names = (listed.hits as { kind: string; name: string }[]).map((item) => `${item.kind}:${item.name}`).sort();
    expect(names).toEqual(
      [
        "data_source:clicks",
        "data_source:orders",
        "entity:customer",
        "feature_service:checkout_risk",
        "feature_view:customer_clicks",
        "feature_view:customer_orders",
        "model:checkout_risk_model",
        "feature:click_count_1d",
        "feature:click_count_1h",
        "feature:largest_order_30d",
        "feature:order_count_30d",
        "feature:order_total_30d",
      ].sort(),
    );
    const view = await api.get("/api/v1/definitions/feature_view/customer_clicks");
    expect(view.status()).toBe(200);
    expect(await view.json()).toMatchObject({
      version: { number: 1, message: "from the e2e CLI journey" },
      definition: { name: "customer_clicks", kind: "stream", ttl: "1d", sources: ["clicks"] },
    });
  });

  await test.step("a second apply changes nothing; a broken file names the field and exits 1", async () => {
    const again = await cli(["apply", "-f", REGISTRY, ...target]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nothing to apply (7 unchanged).");
    const brokenFile = test.info().outputPath("broken.yaml");
    fs.writeFileSync(brokenFile, "featureViews:\n  - name: broken\n    sources: [orders\n");
    const broken = await cli(["plan", "-f", brokenFile, ...target]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^Error 400 \(\w+\): Malformed YAML at line \d+, column \d+/);
    expect(broken.stderr).toContain(`at ${brokenFile}:`);
  });

  await test.step("without the apply scope the server refuses and the CLI says so", async () => {
    const { token: readOnly } = await ownWorkspace.token(["read"]);
    const refused = await cli(["apply", "-f", REGISTRY, "--url", baseURL!, "--token", readOnly]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error 403 \(forbidden\)/);
  });
});
