import type { Engine, RawTx } from "@/lib/db/engine";
import type { ScaleCatalog } from "./catalog";
import { writeServicesAndModels } from "./write-services";
import { writeSourcesAndEntities } from "./write-sources";
import { writeVersions } from "./write-versions";
import { writeViewsAndFeatures } from "./write-views";
import { writeWorkspace } from "./write-workspace";

/**
 * Writes the catalog in one transaction. The search triggers are switched off during the load
 * and the search table is rebuilt once at the end: one set-based pass instead of one per statement.
 */
export async function loadScaleCatalog(
  engine: Engine,
  catalog: ScaleCatalog,
  log: (message: string) => void,
): Promise<void> {
  await engine.transaction(async (tx) => {
    const triggers = await searchTriggers(tx);
    for (const trigger of triggers)
      await tx.exec(`ALTER TABLE "${trigger.table_name}" DISABLE TRIGGER "${trigger.trigger_name}"`);

    await writeWorkspace(tx, catalog);
    log("workspace, environments, teams, members");
    await writeSourcesAndEntities(tx, catalog);
    log(`${catalog.sources.length} data sources, ${catalog.entities.length} entities`);
    await writeViewsAndFeatures(tx, catalog, log);
    await writeServicesAndModels(tx, catalog);
    log(
      `${catalog.services.length} services, ${catalog.models.length} models, ${catalog.datasets.length} saved datasets`,
    );
    const versions = await writeVersions(tx, catalog);
    log(`${versions.versions} definition versions, ${versions.active} active versions`);

    const [{ n }] = (await tx.query<{ n: number }>("SELECT search_rebuild($1) AS n", [catalog.workspace.id])) as [
      { n: number },
    ];
    for (const trigger of triggers)
      await tx.exec(`ALTER TABLE "${trigger.table_name}" ENABLE TRIGGER "${trigger.trigger_name}"`);
    log(`search table rebuilt: ${n} documents`);
  });
}

function searchTriggers(tx: RawTx) {
  return tx.query<{ table_name: string; trigger_name: string }>(
    `SELECT c.relname AS table_name, t.tgname AS trigger_name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE t.tgname LIKE 'search\\_%' AND NOT t.tgisinternal`,
  );
}
