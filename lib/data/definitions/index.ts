import "server-only";

/*
 * Authoring: saving definitions as immutable versions, the dev head in the registry rows, plan
 * and apply of repository documents, and the Feast import. Every write runs in one transaction
 * that first takes a per-workspace advisory lock, so two saves or applies never both build on
 * the same head; everything they check is read after the lock.
 *
 *   read-definitions.ts    current definition, versions, pins, diffs
 *   validation-context.ts  what the browser's validation-as-you-type needs
 *   save-definition.ts     save one object / revert to a version (409 on stale saves)
 *   apply-repository.ts    plan and apply of a repository document
 *   import-feast.ts        Feast registry import (an apply that never prunes)
 *   active-beyond-dev.ts   what a prune may not remove: objects active in staging or prod
 *   registry-state.ts      the registry's latest versions, names, before/after checks
 *   versioning.ts          lock, append version, author names, validation errors
 */

export * from "./read-definitions";
export * from "./validation-context";
export * from "./save-definition";
export type { ApplyProgressReporter, ApplyRepositoryInput, ApplyResult, PlanItem } from "./apply-repository";
export { applyRepository } from "./apply-repository";
export * from "./import-feast";
export { findObjectsActiveBeyondDev, type ActiveBeyondDev } from "./active-beyond-dev";
export { parseDefinition } from "./versioning";
export {
  type ConflictDetails,
  type CurrentDefinition,
  type SaveResult,
  type VersionDetail,
  type VersionSummary,
} from "./types";
