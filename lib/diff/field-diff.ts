import { diffDefinitions, type FieldChange } from "@/lib/definitions/diff";

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
