import { contentHash } from "@/lib/definitions/canonical";

/**
 * Fingerprint of what is active in the target for a request's objects. Stored when the
 * request is opened or refreshed; a different value at approval time means someone changed
 * the target since, and the reviewers' diff no longer holds.
 */
export function targetSnapshotHash(
  entries: ReadonlyArray<{ kind: string; objectId: string; versionId: string | null }>,
): string {
  const sorted = [...entries]
    .map((entry) => [entry.kind, entry.objectId, entry.versionId ?? null] as const)
    .sort((a, b) => (a[0] + ":" + a[1] < b[0] + ":" + b[1] ? -1 : 1));
  return contentHash(sorted);
}
