import {
  catalogHref,
  catalogListHref,
  hasMonitoringView,
  lineageHref,
  monitoringHref,
  newObjectHref,
  newPromotionHref,
} from "@/lib/routes";
import { KIND_LABELS, kindWord } from "@/lib/kinds";
import Link from "next/link";
import { KindBadge } from "@/components/catalog/kind-badge";
import { ObjectLink, Tags } from "@/components/catalog/object-sections";
import { OwnershipForm } from "@/components/catalog/ownership-form";
import { StarButton } from "@/components/catalog/star-button";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import type { FeatureDetail, FeatureViewDetail, getObjectDetail } from "@/lib/data/catalog";
import { formatDateTime } from "@/lib/format";
import type { CatalogKind } from "@/lib/search/types";

type Detail = NonNullable<Awaited<ReturnType<typeof getObjectDetail>>>;

/** On-demand views compute at request time: no freshness, so no monitoring view of their own. */
function isOnDemandView(detail: Detail): boolean {
  return detail.kind === "feature_view" && (detail as FeatureViewDetail).view.kind === "on_demand";
}

/** Breadcrumb, name, ownership, star and the links every kind shares (versions, lineage, monitoring). */
export function ObjectHeader({
  objectRef: ref,
  detail,
  isAuthor,
  star,
  teams,
}: {
  objectRef: { kind: CatalogKind; id: string };
  detail: Detail;
  isAuthor: boolean;
  star: { starred: boolean; count: number };
  teams: { slug: string; name: string }[];
}) {
  const versionKind = "versions" in detail ? detail.versions.versionKind : ref.kind;
  const versionObjectId = "versions" in detail ? detail.versions.versionObjectId : ref.id;
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/catalog" className="hover:underline">
          Catalog
        </Link>{" "}
        /{" "}
        <Link href={catalogListHref({ kind: ref.kind })} className="hover:underline">
          {KIND_LABELS[ref.kind].many}
        </Link>
        {detail.kind === "feature" ? (
          <>
            {" "}
            /{" "}
            <ObjectLink kind="feature_view" id={(detail as FeatureDetail).view.id}>
              {(detail as FeatureDetail).view.name}
            </ObjectLink>
          </>
        ) : null}
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{detail.name}</h1>
            <KindBadge kind={ref.kind} />
            {detail.kind === "feature" ? <Badge>{(detail as FeatureDetail).valueType}</Badge> : null}
          </div>
          <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
            <div>
              <dt className="inline text-slate-500">Owner </dt>
              <dd className="inline" data-testid="object-owner">
                {detail.owner || "—"}
              </dd>
            </div>
            <div>
              <dt className="inline text-slate-500">Team </dt>
              <dd className="inline">
                {detail.team ? (
                  <Link href={catalogListHref({ team: detail.team.slug })} className="hover:underline">
                    {detail.team.name}
                  </Link>
                ) : (
                  "—"
                )}
              </dd>
            </div>
            <div>
              <dt className="inline text-slate-500">Updated </dt>
              <dd className="inline">
                <time dateTime={detail.updatedAt}>{formatDateTime(detail.updatedAt)}</time>
              </dd>
            </div>
          </dl>
          <div className="mt-2">
            <Tags tags={detail.tags} />
          </div>
          {isAuthor ? (
            <OwnershipForm
              kind={ref.kind}
              id={ref.id}
              owner={detail.owner}
              team={detail.team?.slug ?? ""}
              teams={teams}
              canChangeTeam={ref.kind !== "feature"}
            />
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <StarButton kind={ref.kind} id={ref.id} starred={star.starred} count={star.count} />
          {isAuthor ? (
            <>
              <Link className={buttonClasses("secondary")} href={catalogHref(versionKind, versionObjectId, "edit")}>
                {ref.kind === "feature" ? "Edit in its view" : "Edit"}
              </Link>
              <Link className={buttonClasses("secondary")} href={newPromotionHref(versionKind, versionObjectId)}>
                Promote
              </Link>
            </>
          ) : null}
        </div>
      </header>
      <nav aria-label="Related pages" className="flex flex-wrap gap-4 text-sm">
        <Link className="text-brand-700 hover:underline" href={catalogHref(versionKind, versionObjectId, "versions")}>
          Versions
        </Link>
        <Link className="text-brand-700 hover:underline" href={lineageHref(ref.kind, ref.id)}>
          Lineage
        </Link>
        {hasMonitoringView(ref.kind) && !isOnDemandView(detail) ? (
          <Link className="text-brand-700 hover:underline" href={monitoringHref(ref.kind, ref.id)}>
            Monitoring
          </Link>
        ) : null}
        {isAuthor ? (
          <Link
            className="text-brand-700 hover:underline"
            href={newObjectHref(ref.kind === "feature" ? "feature_view" : ref.kind)}
          >
            New {kindWord(ref.kind === "feature" ? "feature_view" : ref.kind)}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
