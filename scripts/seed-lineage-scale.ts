/**
 * A registry-shaped workspace of N feature views for lineage benchmarks, written with
 * set-based SQL (seconds even on PGlite). Per 1,000 views: 160 sources (6 columns each), 40
 * entities, 4,000 features, 120 services (4 features each), 80 models, 12 training datasets;
 * 10% of views are on-demand views reading two earlier views (and keyed by no entity). About 1.38 object nodes per view, so 5,000 views
 * is about 6,900 nodes.
 *
 * As a CLI (into the configured database, before starting the server; the demo users become
 * members, so the browser part of bench:lineage can switch to it):
 *   npx tsx --conditions=react-server scripts/seed-lineage-scale.ts --views 5000 --slug lineage-5k
 */
import type { RawTx } from "@/lib/db/engine";

export interface LineageScaleCounts {
  views: number;
  sources: number;
  entities: number;
  features: number;
  services: number;
  models: number;
  datasets: number;
}

export function lineageScaleCounts(views: number): LineageScaleCounts {
  return {
    views,
    sources: Math.max(2, Math.round(views * 0.16)),
    entities: Math.max(1, Math.min(40, Math.round(views * 0.04))),
    features: views * 4,
    services: Math.max(1, Math.round(views * 0.12)),
    models: Math.max(1, Math.round(views * 0.08)),
    datasets: Math.max(1, Math.round(views * 0.012)),
  };
}

/** Inserts the registry into an existing workspace; ids are `<prefix>_<kind><n>`. */
export async function seedLineageScale(
  tx: RawTx,
  options: { workspaceId: string; views: number; prefix: string },
): Promise<LineageScaleCounts> {
  const counts = lineageScaleCounts(options.views);
  const { sources: S, entities: E, services: M, models: MO, datasets: D } = counts;
  const N = options.views;
  const plain = Math.floor(N * 0.9);
  const p = options.prefix;
  const ws = options.workspaceId;
  const run = (sql: string, params: unknown[] = []) => tx.query(sql, [p, ws, ...params]);

  await run(
    `INSERT INTO team (id, workspace_id, slug, name)
     SELECT $1 || '_team' || i, $2, 'team-' || i, 'Team ' || i FROM generate_series(0, 4) i`,
  );
  await run(
    `INSERT INTO data_source (id, workspace_id, name, kind, platform, owner, team_id, batch_source_id)
     SELECT $1 || '_src' || i, $2, 'source_' || i,
            (CASE WHEN i % 10 = 9 THEN 'stream' WHEN i % 10 = 8 THEN 'request' ELSE 'batch' END)::"DataSourceKind",
            CASE WHEN i % 10 = 9 THEN 'kafka' ELSE 'snowflake' END,
            'owner' || (i % 50) || '@acme.io', $1 || '_team' || (i % 5),
            CASE WHEN i % 10 = 9 THEN $1 || '_src' || (i - 2) END
       FROM generate_series(0, $3::int - 1) i`,
    [S],
  );
  await run(
    `INSERT INTO data_source_column (id, data_source_id, name, type, position)
     SELECT $1 || '_src' || i || '_c' || c, $1 || '_src' || i, 'col_' || c, 'string', c
       FROM generate_series(0, $3::int - 1) i, generate_series(0, 5) c
      WHERE $2::text IS NOT NULL`,
    [S],
  );
  await run(
    `INSERT INTO entity (id, workspace_id, name, team_id)
     SELECT $1 || '_ent' || i, $2, 'entity_' || i, $1 || '_team' || (i % 5) FROM generate_series(0, $3::int - 1) i`,
    [E],
  );
  await run(
    `INSERT INTO feature_view (id, workspace_id, name, kind, owner, team_id, schedule, schedule_seconds)
     SELECT $1 || '_fv' || i, $2, 'view_' || i,
            (CASE WHEN i >= $4::int THEN 'on_demand' WHEN i % 4 = 3 THEN 'stream' ELSE 'batch' END)::"FeatureViewKind",
            'owner' || (i % 60) || '@acme.io', $1 || '_team' || ((i * 7) % 5),
            CASE WHEN i < $4::int THEN '1d' END, CASE WHEN i < $4::int THEN 86400 END
       FROM generate_series(0, $3::int - 1) i`,
    [N, plain],
  );
  await run(
    `INSERT INTO feature_view_source (feature_view_id, data_source_id)
     SELECT DISTINCT $1 || '_fv' || i, $1 || '_src' || s
       FROM generate_series(0, $3::int - 1) i,
            LATERAL (VALUES ((i * 7) % $4::int), (CASE WHEN i % 8 = 0 THEN (i * 13 + 5) % $4::int END)) AS v(s)
      WHERE s IS NOT NULL AND $2::text IS NOT NULL`,
    [N, S],
  );
  await run(
    `INSERT INTO feature_view_entity (feature_view_id, entity_id)
     SELECT $1 || '_fv' || i, $1 || '_ent' || (i % $4::int) FROM generate_series(0, $5::int - 1) i
      WHERE $2::text IS NOT NULL AND $3::int > 0`,
    [N, E, plain],
  );
  // On-demand views read two earlier (plain) views: chains without cycles.
  await run(
    `INSERT INTO feature_view_input (feature_view_id, input_feature_view_id)
     SELECT DISTINCT $1 || '_fv' || i, $1 || '_fv' || v
       FROM generate_series($4::int, $3::int - 1) i,
            LATERAL (VALUES ((i * 31) % $4::int), ((i * 17 + 3) % $4::int)) AS x(v)
      WHERE $2::text IS NOT NULL`,
    [N, plain],
  );
  await run(
    `INSERT INTO feature (id, workspace_id, feature_view_id, name, value_type, position)
     SELECT $1 || '_fv' || i || '_f' || k, $2, $1 || '_fv' || i, 'feature_' || k, 'float64', k
       FROM generate_series(0, $3::int - 1) i, generate_series(0, 3) k`,
    [N],
  );
  await run(
    `INSERT INTO feature_source_column (feature_id, column_id)
     SELECT $1 || '_fv' || i || '_f' || k, $1 || '_src' || ((i * 7) % $4::int) || '_c' || ((k + i) % 6)
       FROM generate_series(0, $3::int - 1) i, generate_series(0, 3) k
      WHERE $2::text IS NOT NULL`,
    [N, S],
  );
  await run(
    `INSERT INTO feature_service (id, workspace_id, name, owner, team_id, latency_budget_ms)
     SELECT $1 || '_svc' || i, $2, 'service_' || i, 'owner' || (i % 30) || '@acme.io', $1 || '_team' || (i % 5), 50
       FROM generate_series(0, $3::int - 1) i`,
    [M],
  );
  await run(
    `INSERT INTO feature_service_feature (feature_service_id, feature_id)
     SELECT DISTINCT $1 || '_svc' || s, $1 || '_fv' || ((s * 37 + j * 101) % $4::int) || '_f' || (j % 4)
       FROM generate_series(0, $3::int - 1) s, generate_series(0, 3) j
      WHERE $2::text IS NOT NULL`,
    [M, N],
  );
  await run(
    `INSERT INTO saved_dataset (id, workspace_id, name) SELECT $1 || '_ds' || i, $2, 'dataset_' || i FROM generate_series(0, $3::int - 1) i`,
    [D],
  );
  await run(
    `INSERT INTO model (id, workspace_id, name, owner, team_id, training_dataset_id)
     SELECT $1 || '_mdl' || i, $2, 'model_' || i, 'ml' || (i % 20) || '@acme.io', $1 || '_team' || (i % 5),
            CASE WHEN i % 7 = 0 THEN $1 || '_ds' || ((i / 7) % $4::int) END
       FROM generate_series(0, $3::int - 1) i`,
    [MO, D],
  );
  await run(
    `INSERT INTO model_feature_service (model_id, feature_service_id)
     SELECT DISTINCT $1 || '_mdl' || i, $1 || '_svc' || s
       FROM generate_series(0, $3::int - 1) i, LATERAL (VALUES ((i * 3) % $4::int), ((i * 7 + 1) % $4::int)) AS x(s)
      WHERE $2::text IS NOT NULL`,
    [MO, M],
  );
  await tx.exec("ANALYZE");
  return counts;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const { closeDb, db, dbEngine } = await import("@/lib/db");
  const { createWorkspace } = await import("@/lib/data/workspaces");
  const views = Number(argument("views") ?? 1000);
  const slug = argument("slug") ?? `lineage-${views}`;
  if (!Number.isInteger(views) || views < 10 || views > 50_000) throw new Error("--views must be 10..50000");
  try {
    const prisma = db();
    const existing = await prisma.workspace.findUnique({ where: { slug }, select: { id: true } });
    if (existing) {
      console.log(JSON.stringify({ status: "exists", slug }));
      return;
    }
    const workspace = await createWorkspace(prisma, { slug, name: `Lineage scale (${views} views)` });
    const started = performance.now();
    const counts = await dbEngine().transaction((tx) =>
      seedLineageScale(tx, { workspaceId: workspace.id, views, prefix: slug.replace(/[^a-z0-9]/gi, "") }),
    );
    // Every existing user joins as a viewer (admins stay admins), so demo sign-ins can open it.
    const members = await prisma.workspaceMember.findMany({
      distinct: ["userId"],
      select: { userId: true, role: true },
    });
    await prisma.workspaceMember.createMany({
      data: members.map((member) => ({
        workspaceId: workspace.id,
        userId: member.userId,
        role: member.role === "admin" ? "admin" : "viewer",
      })),
      skipDuplicates: true,
    });
    console.log(JSON.stringify({ status: "created", slug, counts, ms: Math.round(performance.now() - started) }));
  } finally {
    await closeDb();
  }
}

if (process.argv[1]?.endsWith("seed-lineage-scale.ts")) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
