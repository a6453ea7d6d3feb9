import "server-only";
import type { Db } from "@/lib/db";
import type { CatalogKind } from "@/lib/search/types";
import { getDataSourceDetail, type DataSourceDetail } from "./data-source";
import { getEntityDetail, type EntityDetail } from "./entity";
import { getFeatureDetail, type FeatureDetail } from "./feature";
import { getFeatureServiceDetail, type FeatureServiceDetail } from "./feature-service";
import { getFeatureViewDetail, type FeatureViewDetail } from "./feature-view";
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
  switch (options.kind) {
    case "feature":
      return getFeatureDetail(prisma, options);
    case "feature_view":
      return getFeatureViewDetail(prisma, options);
    case "data_source":
      return getDataSourceDetail(prisma, options);
    case "entity":
      return getEntityDetail(prisma, options);
    case "feature_service":
      return getFeatureServiceDetail(prisma, options);
    case "model":
      return getModelDetail(prisma, options);
    case "saved_dataset":
      return getSavedDatasetDetail(prisma, options);
  }
}
