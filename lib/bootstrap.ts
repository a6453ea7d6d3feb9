import "server-only";
import { randomBytes } from "node:crypto";
import { db, dbEngine } from "@/lib/db";
import { createWorkspace } from "@/lib/data/workspaces";
import { seedDemo } from "@/lib/demo/load";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/migrate";

export type Log = (line: string) => void;

/**
 * What `npm start` does before serving: apply pending migrations, load the demo catalog into
 * an empty registry (or create an empty default workspace with FEATURELINE_DEMO=0), and make
 * sure a session secret exists.
 */
export async function prepareDatabase(log: Log): Promise<{ sessionSecret: string }> {
  const engine = dbEngine();
  log(`database: ${engine.describe}`);
  const { applied, total } = await applyMigrations(engine, { log });
  log(`migrations: ${total - applied.length} already applied, ${applied.length} applied now`);
  await loadInitialData(log);
  return { sessionSecret: env().NEXTAUTH_SECRET ?? (await ensureSessionSecret()) };
}

export async function loadInitialData(log: Log): Promise<void> {
  const prisma = db();
  if ((await prisma.workspace.count()) > 0) return;
  if (env().FEATURELINE_DEMO === "0") {
    await createWorkspace(prisma, { slug: "default", name: "Default workspace" });
    log("empty registry: created workspace 'default' (FEATURELINE_DEMO=0); create an admin with npm run user:create");
    return;
  }
  log("empty registry: loading the demo catalog (first start only)…");
  const summary = await seedDemo(prisma, dbEngine(), {
    onProgress: (step, done, total) => log(`  demo catalog: ${step} (${done}/${total})`),
  });
  log(`demo catalog loaded: ${JSON.stringify(summary)}`);
}

/**
 * The generated secret lives in the registry database, so every instance on one PostgreSQL
 * signs and verifies sessions with the same key. Insert-if-absent makes concurrent starts agree.
 */
export async function ensureSessionSecret(): Promise<string> {
  const prisma = db();
  const candidate = randomBytes(32).toString("base64url");
  await prisma.$executeRaw`
    INSERT INTO app_setting (key, value, updated_at) VALUES ('nextauth_secret', ${candidate}, now())
    ON CONFLICT (key) DO NOTHING`;
  const row = await prisma.appSetting.findUniqueOrThrow({ where: { key: "nextauth_secret" } });
  return row.value;
}
