import "server-only";
import type { FieldChange } from "@/lib/definitions/diff";
import type { AnyDefinition, DefinitionKind } from "@/lib/definitions/schema";
import type { FieldError } from "@/lib/errors";

/** Shapes shared by the authoring modules: versions, save results and the registry state. */

export interface VersionSummary {
  id: string;
  number: number;
  contentHash: string;
  createdAt: Date;
  authorId: string | null;
  authorName: string | null;
  message: string;
}

export interface VersionDetail extends VersionSummary {
  definition: AnyDefinition;
}

export interface CurrentDefinition {
  objectId: string;
  kind: DefinitionKind;
  name: string;
  version: VersionSummary;
  definition: AnyDefinition;
}

export interface SaveResult {
  status: "created" | "updated" | "unchanged";
  objectId: string;
  kind: DefinitionKind;
  name: string;
  version: VersionSummary;
  warnings: FieldError[];
}

export interface ConflictDetails {
  latestVersion: VersionSummary;
  baseVersionNumber: number;
  /** What changed from the version the author started from to the latest one. */
  changes: FieldChange[];
}

export const TX_OPTIONS = { maxWait: 20_000, timeout: 60_000 } as const;

/**
 * Apply, Feast import and sync write a whole registry in one transaction (all-or-nothing). In
 * sets, 5,000 views take seconds, but a loaded machine or a larger registry may take longer
 * than an interactive save's minute, and on PostgreSQL an expired transaction answers 500 with
 * nothing written: so these get ten minutes. Holding the embedded database that long is what
 * background jobs are for, not a shorter timeout.
 */
export const BULK_TX_OPTIONS = { maxWait: 20_000, timeout: 10 * 60_000 } as const;

export interface VersionRow {
  id: string;
  number: number;
  contentHash: string;
  createdAt: Date;
  authorId: string | null;
  message: string;
}

export interface StoredObject {
  kind: DefinitionKind;
  objectId: string;
  name: string;
  version: VersionRow | null;
  /** Canonical definition of the latest version; null for a registry row without versions. */
  definition: AnyDefinition | null;
}

export type RegistryState = Record<DefinitionKind, Map<string, StoredObject>>;

export const VERSION_SELECT = {
  id: true,
  number: true,
  contentHash: true,
  createdAt: true,
  authorId: true,
  message: true,
  definition: true,
} as const;
