import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fl-user-create-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm run user:create -- <args>` as a person would, on an embedded database of its own. */
function userCreate(args: string[], password: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, FEATURELINE_DATA_DIR: dataDir, FEATURELINE_DEMO: "0" };
  delete env.DATABASE_URL;
  const result = spawnSync(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/user-create.ts", ...args, "--password-stdin"],
    { cwd: root, env, input: `${password}\n`, encoding: "utf8" },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm run user:create", { timeout: 120_000 }, () => {
  it("creates the first admin, reading the password from standard input", () => {
    const result = userCreate(["--email", "First@Acme.dev", "--role", "admin"], "correct horse");
    expect(result.output).toContain("created first@acme.dev as admin in workspace default");
    expect(result.status).toBe(0);
  });

  it("refuses bad input with one line and a non-zero exit", () => {
    const duplicate = userCreate(["--email", "first@acme.dev", "--role", "viewer"], "correct horse");
    expect(duplicate.status).toBe(1);
    expect(duplicate.output).toContain("already exists");
    const short = userCreate(["--email", "b@acme.dev", "--role", "admin"], "short");
    expect(short.output).toContain("at least 8 characters");
    const badRole = userCreate(["--email", "c@acme.dev", "--role", "boss"], "correct horse");
    expect(badRole.status).toBe(1);
    expect(badRole.output).toMatch(/user:create failed: --role/);
  });
});
