import type { FeatureDetail, getObjectDetail } from "@/lib/data/catalog";
import type { FeatureData } from "@/lib/monitoring/feature-data";
import type { CatalogKind } from "@/lib/search/types";
import { DataSourceBody } from "./source-body";
import { DatasetBody } from "./dataset-body";
import { EntityBody } from "./entity-body";
import { FeatureBody } from "./feature-body";
import { ModelBody } from "./model-body";
import { ServiceBody } from "./service-body";
import { FeatureViewBody } from "./view-body";

type Detail = NonNullable<Awaited<ReturnType<typeof getObjectDetail>>>;

export function KindBody({
  detail,
  isAuthor,
  services,
  environmentName,
  featureData,
}: {
  detail: Detail;
  isAuthor: boolean;
  services: { id: string; name: string }[];
  environmentName: string;
  /** The feature's latest profiles, summarised (features only; null when none). */
  featureData: FeatureData | null;
}) {
  switch (detail.kind as CatalogKind) {
    case "feature":
      return (
        <FeatureBody
          detail={detail as FeatureDetail}
          isAuthor={isAuthor}
          services={services}
          data={featureData}
          environmentName={environmentName}
        />
      );
    case "feature_view":
      return (
        <FeatureViewBody detail={detail as Extract<Detail, { features: unknown }>} environmentName={environmentName} />
      );
    case "data_source":
      return <DataSourceBody detail={detail as Extract<Detail, { columns: unknown }>} />;
    case "entity":
      return <EntityBody detail={detail as Extract<Detail, { joinKeys: unknown; views: unknown }>} />;
    case "feature_service":
      return <ServiceBody detail={detail as Extract<Detail, { featureGroups: unknown }>} />;
    case "model":
      return <ModelBody detail={detail as Extract<Detail, { endpoint: unknown }>} />;
    case "saved_dataset":
      return <DatasetBody detail={detail as Extract<Detail, { storage: unknown }>} />;
  }
}
