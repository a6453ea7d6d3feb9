import "server-only";
import type { Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import type { FieldChange } from "@/lib/definitions/diff";
import type { DefinitionKind } from "@/lib/definitions/schema";
import { feastDumpToRepository, type ImportSkip, type ImportWarning } from "@/lib/feast/import";
import { applyInTransaction } from "./apply-repository";
import { TX_OPTIONS } from "./types";

export interface FeastImportSummary {
  project?: string;
  created: Array<{ kind: DefinitionKind; name: string }>;
  updated: Array<{ kind: DefinitionKind; name: string; changes: FieldChange[] }>;
  unchanged: number;
  skipped: ImportSkip[];
  warnings: ImportWarning[];
}

/** Imports a `feast registry-dump` JSON atomically; never prunes. */
export async function importFeastRegistry(
  prisma: Db,
  input: { workspaceId: string; dump: unknown; dryRun?: boolean },
  actor: Actor,
): Promise<FeastImportSummary> {
  const { document, report } = feastDumpToRepository(input.dump);
  const result = await prisma.$transaction(
    (tx) =>
      applyInTransaction(
        tx,
        { workspaceId: input.workspaceId, document, prune: false, dryRun: input.dryRun },
        actor,
        "definition.import",
      ),
    TX_OPTIONS,
  );
  return {
    ...(report.project ? { project: report.project } : {}),
    created: result.create.map(({ kind, name }) => ({ kind, name })),
    updated: result.update.map(({ kind, name, changes }) => ({ kind, name, changes })),
    unchanged: result.unchanged,
    skipped: report.skipped,
    warnings: [
      ...report.warnings,
      ...result.warnings.map((warning) => ({ kind: "validation", name: warning.path, message: warning.message })),
    ],
  };
}
