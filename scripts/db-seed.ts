/** `npm run db:seed`: apply migrations and load the demo catalog into an empty registry. */
import { closeDb, db, dbEngine } from "@/lib/db";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { seedDemo } from "@/lib/demo/load";
import { applyMigrations } from "@/lib/migrate";

try {
  await applyMigrations(dbEngine(), { log: (line) => console.log(line) });
  const summary = await seedDemo(db(), dbEngine(), {
    onProgress: (step, done, total) => console.log(`[${done}/${total}] ${step}`),
  });
  console.log(JSON.stringify(summary, null, 2));
} catch (error) {
  console.error(`db:seed failed: ${describeDatabaseError(error, process.env.DATABASE_URL)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
