/** `npm run db:migrate`: apply pending migrations to the configured database. */
import { closeDb, dbEngine } from "@/lib/db";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { applyMigrations } from "@/lib/migrate";

try {
  const engine = dbEngine();
  console.log(`database: ${engine.describe}`);
  const { applied, total } = await applyMigrations(engine, { log: (line) => console.log(line) });
  console.log(`${applied.length} applied now, ${total} known`);
} catch (error) {
  console.error(`db:migrate failed: ${describeDatabaseError(error, process.env.DATABASE_URL)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
