import "server-only";
import { dbEngine } from "@/lib/db";
import { countAppliedMigrations, readMigrations } from "@/lib/migrate";

export async function getHealth() {
  const known = readMigrations().length;
  let engineKind: "pglite" | "postgresql" = "pglite";
  try {
    const engine = dbEngine();
    engineKind = engine.kind;
    await engine.query("SELECT 1");
    const applied = await countAppliedMigrations(engine);
    return {
      status: applied === known ? ("ok" as const) : ("error" as const),
      database: { engine: engineKind, reachable: true, migrationsApplied: applied, migrationsKnown: known },
    };
  } catch (error) {
    return {
      status: "error" as const,
      database: {
        engine: engineKind,
        reachable: false,
        migrationsApplied: 0,
        migrationsKnown: known,
        error: error instanceof Error ? error.message.split("\n")[0] : String(error),
      },
    };
  }
}
