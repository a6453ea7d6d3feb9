import { canonicalDefinition, diffDefinitions, type FieldChange } from "@/lib/definitions/diff";
import { DEFINITION_KINDS } from "@/lib/definitions/schema";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Field changes between two stored values of any shape (audit rows keep whole definitions,
 * settings or role lists). A side that is missing next to an object reads as `{}`, so a
 * creation lists the fields it set rather than one change holding everything.
 */
export function diffFieldValues(before: unknown, after: unknown): FieldChange[] {
  const missing = (value: unknown) => value === null || value === undefined;
  if (missing(before) && missing(after)) return [];
  if (missing(before) && isRecord(after)) return diffDefinitions({}, after);
  if (missing(after) && isRecord(before)) return diffDefinitions(before, {});
  return diffDefinitions(missing(before) ? undefined : before, missing(after) ? undefined : after);
}

/**
 * The field changes an audit row records. A definition saved before a field existed is read
 * with today's defaults filled in, so an edit shows what the person changed, not the defaults.
 */
export function diffAuditEntry(entry: {
  action: string;
  objectKind: string | null;
  before: unknown;
  after: unknown;
}): FieldChange[] {
  const kind = DEFINITION_KINDS.find((candidate) => candidate === entry.objectKind);
  if (!kind || !entry.action.startsWith("definition.")) return diffFieldValues(entry.before, entry.after);
  const canonical = (value: unknown) =>
    value === null || value === undefined ? value : canonicalDefinition(kind, value);
  return diffFieldValues(canonical(entry.before), canonical(entry.after));
}
