import { randomBytes } from "node:crypto";

import type { DemoEnvName } from "@/lib/demo/catalog";

/* The ids, counts and environments every writer of the demo seed shares. */

/** Mirrors DEFAULT_ENVIRONMENTS of lib/data/workspaces.ts, which is server-only (a test keeps them equal). */
export const DEMO_ENVIRONMENTS = [
  { name: "dev", position: 0, requiredApprovals: 0 },
  { name: "staging", position: 1, requiredApprovals: 1 },
  { name: "prod", position: 2, requiredApprovals: 2 },
] as const;

export interface SeedCounts {
  users: number;
  teams: number;
  dataSources: number;
  entities: number;
  featureViews: number;
  features: number;
  featureServices: number;
  models: number;
  savedDatasets: number;
  versions: number;
  activeVersions: number;
  runs: number;
  servingMetricRows: number;
  profiles: number;
  rules: number;
  alerts: number;
  promotionRequests: number;
}

export function emptyCounts(): SeedCounts {
  return {
    users: 0,
    teams: 0,
    dataSources: 0,
    entities: 0,
    featureViews: 0,
    features: 0,
    featureServices: 0,
    models: 0,
    savedDatasets: 0,
    versions: 0,
    activeVersions: 0,
    runs: 0,
    servingMetricRows: 0,
    profiles: 0,
    rules: 0,
    alerts: 0,
    promotionRequests: 0,
  };
}

let idCounter = 0;
/** cuid-shaped ids made here, so related rows can be written with createMany in one pass. */
export function newId(): string {
  idCounter = (idCounter + 1) % 1_679_616;
  const time = Date.now().toString(36).padStart(9, "0").slice(-9);
  const count = idCounter.toString(36).padStart(4, "0");
  const random = [...randomBytes(11)].map((byte) => (byte % 36).toString(36)).join("");
  return `c${time}${count}${random}`;
}

export interface LoadedIds {
  workspaceId: string;
  envIds: Record<DemoEnvName, string>;
  viewIds: Map<string, string>;
  serviceIds: Map<string, string>;
  featureIds: Map<string, string>;
  datasetIds: Map<string, string>;
  counts: SeedCounts;
}
