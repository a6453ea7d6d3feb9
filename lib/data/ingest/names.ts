import "server-only";
import type { Engine } from "@/lib/db/engine";
import { AppError, type FieldError } from "@/lib/errors";
import { unique } from "./sql-arrays";

/** Looks up every referenced name in one query per kind and collects unknown names for one 422. */
export class NameResolver {
  private unknown = new Map<string, FieldError>();

  private constructor(
    private readonly maps: {
      environments: Map<string, string>;
      featureViews: Map<string, string>;
      featureServices: Map<string, string>;
      features: Map<string, string>;
      savedDatasets: Map<string, string>;
    },
  ) {}

  static async load(
    engine: Engine,
    workspaceId: string,
    wanted: {
      featureViews?: string[];
      featureServices?: string[];
      features?: { featureView: string; feature: string }[];
      savedDatasets?: string[];
    },
  ): Promise<NameResolver> {
    const byName = (rows: { id: string; name: string }[]) => new Map(rows.map((row) => [row.name, row.id]));
    const named = async (table: string, names: string[] | undefined) =>
      names?.length
        ? byName(
            await engine.query<{ id: string; name: string }>(
              `SELECT id, name FROM ${table} WHERE workspace_id = $1 AND name = ANY($2::text[])`,
              [workspaceId, unique(names)],
            ),
          )
        : new Map<string, string>();
    const featureViewNames = unique((wanted.features ?? []).map((ref) => ref.featureView));
    const [environments, featureViews, featureServices, featureRows, savedDatasets] = await Promise.all([
      engine.query<{ id: string; name: string }>("SELECT id, name FROM environment WHERE workspace_id = $1", [
        workspaceId,
      ]),
      named("feature_view", wanted.featureViews),
      named("feature_service", wanted.featureServices),
      featureViewNames.length
        ? engine.query<{ id: string; view: string; name: string }>(
            `SELECT f.id, fv.name AS view, f.name FROM feature f JOIN feature_view fv ON fv.id = f.feature_view_id
              WHERE fv.workspace_id = $1 AND fv.name = ANY($2::text[])`,
            [workspaceId, featureViewNames],
          )
        : Promise.resolve([]),
      named("saved_dataset", wanted.savedDatasets),
    ]);
    return new NameResolver({
      environments: byName(environments),
      featureViews,
      featureServices,
      features: new Map(featureRows.map((row) => [`${row.view}:${row.name}`, row.id])),
      savedDatasets,
    });
  }

  environment(name: string, index: number): string {
    return this.lookup(this.maps.environments, name, `items[${index}].environment`, "environment");
  }
  featureView(name: string, index: number): string {
    return this.lookup(this.maps.featureViews, name, `items[${index}].featureView`, "feature view");
  }
  featureService(name: string, index: number): string {
    return this.lookup(this.maps.featureServices, name, `items[${index}].featureService`, "feature service");
  }
  feature(view: string, feature: string, index: number): string {
    return this.lookup(this.maps.features, `${view}:${feature}`, `items[${index}].feature`, "feature");
  }
  savedDataset(name: string, index: number): string {
    return this.lookup(this.maps.savedDatasets, name, `items[${index}].savedDataset`, "saved dataset");
  }

  /** 422 naming each unknown object once (at its first item), nothing written. */
  throwIfUnknown(): void {
    if (this.unknown.size === 0) return;
    const fields = [...this.unknown.values()];
    const names = [...this.unknown.keys()].slice(0, 10).join(", ");
    throw new AppError(
      "unprocessable",
      `Unknown ${names}${this.unknown.size > 10 ? ", ..." : ""}; nothing was written.`,
      { fields },
    );
  }

  private lookup(map: Map<string, string>, name: string, path: string, what: string): string {
    const id = map.get(name);
    if (id) return id;
    const label = `${what} "${name}"`;
    if (!this.unknown.has(label)) this.unknown.set(label, { path, message: `Unknown ${label} in this workspace` });
    return "";
  }
}

export function rejectDuplicates<T>(rows: T[], keyOf: (row: T) => string, field: string): void {
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = keyOf(row);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new AppError(
        "unprocessable",
        `items[${index}] repeats items[${first}]; send each ${field} once per batch.`,
        {
          fields: [{ path: `items[${index}].${field}`, message: `Duplicate of items[${first}]` }],
        },
      );
    }
    seen.set(key, index);
  });
}
