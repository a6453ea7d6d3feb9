/**
 * Before the end-to-end server starts (playwright.config.ts): the demo catalog, plus a second
 * workspace "beta" with its own admin, so the security suites can check that one workspace's
 * admin reaches nothing of another's. Idempotent; `npm start` then finds the registry ready.
 */
import { closeDb, db, dbEngine } from "@/lib/db";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { createUser } from "@/lib/data/users";
import { createWorkspace, getWorkspaceBySlug } from "@/lib/data/workspaces";
import { seedDemo } from "@/lib/demo/load";
import { applyMigrations } from "@/lib/migrate";

const BETA_ADMIN = { email: "beta-admin@featureline.dev", password: "featureline" };

try {
  await applyMigrations(dbEngine());
  const prisma = db();
  if ((await prisma.workspace.count()) === 0) await seedDemo(prisma, dbEngine());
  const beta =
    (await getWorkspaceBySlug(prisma, "beta")) ?? (await createWorkspace(prisma, { slug: "beta", name: "Beta" }));
  if (!(await prisma.user.findUnique({ where: { email: BETA_ADMIN.email } }))) {
    await createUser(prisma, { ...BETA_ADMIN, name: "Beta Admin", role: "admin", workspaceId: beta.id });
  }
  console.log("e2e: demo workspace acme and workspace beta ready");
} catch (error) {
  console.error(`e2e prepare failed: ${describeDatabaseError(error, process.env.DATABASE_URL)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
