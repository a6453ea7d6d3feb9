import "server-only";
import type { Db } from "@/lib/db";
import type { CatalogKind } from "@/lib/search/types";
import { getDataSourceDetail, type DataSourceDetail } from "./data-source";
import { getEntityDetail, type EntityDetail } from "./entity";
import { getFeatureRegistryDetail, type FeatureDetail, type FeatureRegistryDetail } from "./feature";
import { getFeatureServiceDetail, type FeatureServiceDetail } from "./feature-service";
import {
  getFeatureViewRegistryDetail,
  viewFreshness,
  type FeatureViewDetail,
  type FeatureViewRegistryDetail,
} from "./feature-view";
import { featureHealth, type FeatureHealth } from "./health";
import { getModelDetail, type ModelDetail } from "./model";
import { getSavedDatasetDetail, type SavedDatasetDetail } from "./saved-dataset";

/** The page data of any kind, tagged by `kind`: a switch on it narrows to that kind's detail. */
export type ObjectDetail =
  | FeatureDetail
  | FeatureViewDetail
  | DataSourceDetail
  | EntityDetail
  | FeatureServiceDetail
  | ModelDetail
  | SavedDatasetDetail;

/** An object's page without what is judged against the clock (a feature's health, a view's freshness). */
export type ObjectRegistryDetail =
  | FeatureRegistryDetail
  | FeatureViewRegistryDetail
  | DataSourceDetail
  | EntityDetail
  | FeatureServiceDetail
  | ModelDetail
  | SavedDatasetDetail;

type HealthView = FeatureRegistryDetail["healthView"];

/** What the clock-judged part of a page is computed on; small, so it can key a shared read. */
export type ClockSubject =
  { kind: "feature"; featureId: string; view: HealthView } | { kind: "feature_view"; view: HealthView };

export type ClockHealth =
  { kind: "feature"; health: FeatureHealth } | { kind: "feature_view"; freshness: FeatureViewDetail["freshness"] };

/** The page data of any kind, or null when the object is not in the workspace. */
export async function getObjectDetail(
  prisma: Db,
  options: {
    workspaceId: string;
    kind: CatalogKind;
    id: string;
    environment: { id: string; name: string };
    now?: Date;
  },
): Promise<ObjectDetail | null> {
  const registry = await getObjectRegistryDetail(prisma, options);
  if (!registry) return null;
  const subject = clockSubject(registry);
  const clock = subject ? await getClockHealth(prisma, { ...options, subject }) : null;
  return withClockHealth(registry, clock);
}

/** A feature's page data, or null when it is not a feature of the workspace. */
export async function getFeatureDetail(
  prisma: Db,
  options: { workspaceId: string; id: string; environment: { id: string; name: string }; now?: Date },
): Promise<FeatureDetail | null> {
  const detail = await getObjectDetail(prisma, { ...options, kind: "feature" });
  return detail?.kind === "feature" ? detail : null;
}

/**
 * Everything of an object's page that only writes change: no clock and no environment in it, so
 * it can be shared for as long as no write retires it.
 */
export async function getObjectRegistryDetail(
  prisma: Db,
  options: { workspaceId: string; kind: CatalogKind; id: string },
): Promise<ObjectRegistryDetail | null> {
  const { workspaceId, id } = options;
  switch (options.kind) {
    case "feature":
      return getFeatureRegistryDetail(prisma, { workspaceId, id });
    case "feature_view":
      return getFeatureViewRegistryDetail(prisma, { workspaceId, id });
    case "data_source":
      return getDataSourceDetail(prisma, { workspaceId, id });
    case "entity":
      return getEntityDetail(prisma, { workspaceId, id });
    case "feature_service":
      return getFeatureServiceDetail(prisma, { workspaceId, id });
    case "model":
      return getModelDetail(prisma, { workspaceId, id });
    case "saved_dataset":
      return getSavedDatasetDetail(prisma, { workspaceId, id });
  }
}

/** What a page's clock-judged part needs of its registry detail; null for kinds without one. */
export function clockSubject(detail: ObjectRegistryDetail): ClockSubject | null {
  if (detail.kind === "feature") return { kind: "feature", featureId: detail.id, view: detail.healthView };
  if (detail.kind === "feature_view") return { kind: "feature_view", view: detail.healthView };
  return null;
}

/** A feature's health or a view's freshness in an environment, judged now. */
export async function getClockHealth(
  prisma: Db,
  options: { workspaceId: string; environment: { id: string; name: string }; subject: ClockSubject; now?: Date },
): Promise<ClockHealth> {
  const { subject } = options;
  if (subject.kind === "feature") {
    return { kind: "feature", health: await featureHealth(prisma, { ...options, ...subject }) };
  }
  return { kind: "feature_view", freshness: await viewFreshness(prisma, { ...options, view: subject.view }) };
}

/** The whole page data: the registry detail with its clock-judged part (a new object; neither is changed). */
export function withClockHealth(detail: ObjectRegistryDetail, clock: ClockHealth | null): ObjectDetail {
  if (detail.kind === "feature") {
    if (clock?.kind !== "feature") throw new Error("a feature's detail needs its health");
    const { healthView: _judgedOn, ...shown } = detail;
    return { ...shown, health: clock.health };
  }
  if (detail.kind === "feature_view") {
    if (clock?.kind !== "feature_view") throw new Error("a feature view's detail needs its freshness");
    const { healthView: _judgedOn, ...shown } = detail;
    return { ...shown, freshness: clock.freshness };
  }
  return detail;
}
