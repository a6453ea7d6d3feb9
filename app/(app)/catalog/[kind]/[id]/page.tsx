import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddToServiceForm } from "@/components/catalog/add-to-service-form";
import { Comments } from "@/components/catalog/comments";
import { CopyButton } from "@/components/catalog/copy-button";
import { CodeBlock } from "@/components/catalog/code-block";
import { KindBadge } from "@/components/catalog/kind-badge";
import { LineagePreview } from "@/components/catalog/lineage-preview";
import { Markdown } from "@/components/catalog/markdown";
import {
  ActiveVersions,
  Field,
  LinkList,
  ObjectLink,
  Tags,
  Transformation,
} from "@/components/catalog/object-sections";
import { OwnershipForm } from "@/components/catalog/ownership-form";
import { featureServiceSnippet, onlineRequestSnippet } from "@/components/catalog/snippets";
import { Sparkline } from "@/components/catalog/sparkline";
import { StarButton } from "@/components/catalog/star-button";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import {
  getObjectDetail,
  getObjectHeader,
  listFeatureServiceOptions,
  listTeamOptions,
  type FeatureDetail,
} from "@/lib/data/catalog";
import { getStarState, listComments } from "@/lib/data/social";
import { roleAtLeast } from "@/lib/data/users";
import { formatAge, formatDateTime } from "@/lib/format";
import { DEFAULT_THRESHOLDS } from "@/lib/monitoring/thresholds";
import { CATALOG_KIND_LABELS, type CatalogKind } from "@/lib/search/types";
import { requireWorkspace } from "@/lib/session";
import { objectRefSchema } from "@/lib/validations/catalog";

type PageProps = { params: Promise<{ kind: string; id: string }> };

async function resolveRef(params: PageProps["params"]) {
  const raw = await params;
  const parsed = objectRefSchema.safeParse({ kind: raw.kind, id: decodeURIComponent(raw.id) });
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const ref = await resolveRef(params);
  const { workspace } = await requireWorkspace();
  const found = await getObjectHeader(db(), { workspaceId: workspace.id, kind: ref.kind, id: ref.id });
  return { title: found ? `${found.name} · ${CATALOG_KIND_LABELS[ref.kind].one}` : "Not found" };
}

type Detail = NonNullable<Awaited<ReturnType<typeof getObjectDetail>>>;

export default async function CatalogObjectPage({ params }: PageProps) {
  const ref = await resolveRef(params);
  const { user, workspace, role, environment } = await requireWorkspace();
  const isAuthor = roleAtLeast(role, "author");
  // Everything the page shows depends only on the object reference: one round of queries.
  const [detail, star, comments, teams, services] = await Promise.all([
    getObjectDetail(db(), { workspaceId: workspace.id, kind: ref.kind, id: ref.id, environment }),
    getStarState(db(), { userId: user.id, kind: ref.kind, id: ref.id }),
    listComments(db(), { workspaceId: workspace.id, kind: ref.kind, id: ref.id }),
    isAuthor ? listTeamOptions(db(), workspace.id) : [],
    isAuthor && ref.kind === "feature" ? listFeatureServiceOptions(db(), workspace.id) : [],
  ]);
  if (!detail) notFound();
  const versionKind = "versions" in detail ? detail.versions.versionKind : ref.kind;
  const versionObjectId = "versions" in detail ? detail.versions.versionObjectId : ref.id;
  const objectKey = `${ref.kind}:${ref.id}`;

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/catalog" className="hover:underline">
          Catalog
        </Link>{" "}
        /{" "}
        <Link href={`/catalog?kind=${ref.kind}`} className="hover:underline">
          {CATALOG_KIND_LABELS[ref.kind].many}
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
                  <Link href={`/catalog?team=${detail.team.slug}`} className="hover:underline">
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
              <Link className={buttonClasses("secondary")} href={`/catalog/${versionKind}/${versionObjectId}/edit`}>
                {ref.kind === "feature" ? "Edit in its view" : "Edit"}
              </Link>
              <Link
                className={buttonClasses("secondary")}
                href={`/promotions/new?object=${versionKind}:${versionObjectId}`}
              >
                Promote
              </Link>
            </>
          ) : null}
        </div>
      </header>
      <nav aria-label="Related pages" className="flex flex-wrap gap-4 text-sm">
        <Link className="text-brand-700 hover:underline" href={`/catalog/${versionKind}/${versionObjectId}/versions`}>
          Versions
        </Link>
        <Link className="text-brand-700 hover:underline" href={`/lineage?root=${objectKey}`}>
          Lineage
        </Link>
        <Link className="text-brand-700 hover:underline" href={`/monitoring?focus=${objectKey}`}>
          Monitoring
        </Link>
        {isAuthor ? (
          <Link
            className="text-brand-700 hover:underline"
            href={`/catalog/${ref.kind === "feature" ? "feature_view" : ref.kind}/new`}
          >
            New {CATALOG_KIND_LABELS[ref.kind === "feature" ? "feature_view" : ref.kind].one.toLowerCase()}
          </Link>
        ) : null}
      </nav>

      <Card title="Description">
        <Markdown>{detail.description}</Markdown>
      </Card>

      <KindBody detail={detail} isAuthor={isAuthor} services={services} environmentName={environment.name} />

      {"versions" in detail ? (
        <ActiveVersions
          versions={detail.versions}
          versionsHref={`/catalog/${versionKind}/${versionObjectId}/versions`}
        />
      ) : null}

      <Comments kind={ref.kind} id={ref.id} comments={comments} />
    </article>
  );
}

function KindBody({
  detail,
  isAuthor,
  services,
  environmentName,
}: {
  detail: Detail;
  isAuthor: boolean;
  services: { id: string; name: string }[];
  environmentName: string;
}) {
  switch (detail.kind as CatalogKind) {
    case "feature":
      return <FeatureBody detail={detail as FeatureDetail} isAuthor={isAuthor} services={services} />;
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

function HealthCard({ detail }: { detail: FeatureDetail }) {
  const { health } = detail;
  const tone = (status: string | null) =>
    status === "alert" || status === "stale" ? "bad" : status === "warn" ? "warn" : status ? "good" : "neutral";
  return (
    <Card
      title={`Health in ${health.environment}`}
      action={
        health.alerts ? (
          <Link href={`/monitoring?focus=feature:${detail.id}`} data-testid="alert-badge">
            <Badge tone={health.alerts.severity === "critical" ? "bad" : "warn"}>
              {health.alerts.count} open alert{health.alerts.count === 1 ? "" : "s"}
            </Badge>
          </Link>
        ) : (
          <Badge tone="good">no open alerts</Badge>
        )
      }
    >
      <div className="grid gap-4 sm:grid-cols-3" data-testid="feature-health">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Freshness</p>
          {health.freshness ? (
            <>
              <p className="text-sm">
                <Badge tone={tone(health.freshness.status)}>{health.freshness.status}</Badge>{" "}
                {formatAge(health.freshness.stalenessSeconds)} old
                {health.freshness.slaSeconds ? ` · SLA ${formatAge(health.freshness.slaSeconds)}` : ""}
              </p>
              <Sparkline
                label="Staleness over the last 7 days"
                values={health.freshness.series.map((p) => p.value)}
                threshold={health.freshness.slaSeconds}
              />
            </>
          ) : (
            <p className="text-sm text-slate-500">Computed at request time: no materialization.</p>
          )}
        </div>
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Skew (JS distance, offline vs online)
          </p>
          <p className="text-sm">
            {health.skew.latest === null ? (
              <span className="text-slate-500">no profiles</span>
            ) : (
              <>
                <Badge tone={tone(health.skew.status)}>{health.skew.status}</Badge> {health.skew.latest.toFixed(3)}
              </>
            )}
          </p>
          <Sparkline
            label="Skew per profile window"
            values={health.skew.series.map((p) => p.value)}
            threshold={DEFAULT_THRESHOLDS.jsDistance.alert}
          />
        </div>
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Drift (PSI vs training)</p>
          <p className="text-sm">
            {health.drift.latest === null ? (
              <span className="text-slate-500">no training baseline</span>
            ) : (
              <>
                <Badge tone={tone(health.drift.status)}>{health.drift.status}</Badge> {health.drift.latest.toFixed(3)}
              </>
            )}
          </p>
          <Sparkline
            label="Drift per profile window"
            values={health.drift.series.map((p) => p.value)}
            threshold={DEFAULT_THRESHOLDS.psi.alert}
          />
        </div>
      </div>
    </Card>
  );
}

function FeatureBody({
  detail,
  isAuthor,
  services,
}: {
  detail: FeatureDetail;
  isAuthor: boolean;
  services: { id: string; name: string }[];
}) {
  const view = detail.view;
  const ref = `${view.name}:${detail.name}`;
  const firstService = detail.usage.services[0]?.name ?? null;
  const joinKeys = view.entities.flatMap((entity) => entity.joinKeys);
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Definition">
          <dl className="grid grid-cols-2 gap-3">
            <Field label="Type">
              <span className="font-mono">{detail.valueType}</span>
            </Field>
            <Field label="Feature view">
              <ObjectLink kind="feature_view" id={view.id}>
                {view.name}
              </ObjectLink>{" "}
              <span className="text-xs text-slate-500">{view.kind.replace("_", "-")}</span>
            </Field>
            <Field label="Entities and join keys">
              {view.entities.length === 0
                ? "—"
                : view.entities.map((entity) => (
                    <span key={entity.id} className="mr-2 block">
                      <ObjectLink kind="entity" id={entity.id}>
                        {entity.name}
                      </ObjectLink>{" "}
                      <span className="font-mono text-xs text-slate-500">
                        {entity.joinKeys.map((k) => `${k.name}: ${k.valueType}`).join(", ")}
                      </span>
                    </span>
                  ))}
            </Field>
            <Field label="Source columns">
              {detail.sourceColumns.length === 0
                ? "—"
                : detail.sourceColumns.map((column) => (
                    <span key={column.id} className="block font-mono text-xs">
                      <ObjectLink kind="data_source" id={column.source.id}>
                        {column.source.name}
                      </ObjectLink>
                      .{column.name} <span className="text-slate-500">{column.type}</span>
                    </span>
                  ))}
            </Field>
          </dl>
        </Card>
        <Card
          title={`Used by ${detail.usage.services.length} service${detail.usage.services.length === 1 ? "" : "s"} and ${detail.usage.models.length} model${detail.usage.models.length === 1 ? "" : "s"}`}
        >
          <div className="grid grid-cols-2 gap-4" data-testid="feature-usage">
            <div>
              <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Feature services</p>
              <LinkList
                kind="feature_service"
                items={detail.usage.services.map((s) => ({ ...s, note: `p99 ≤ ${s.latencyBudgetMs} ms` }))}
                empty="Not served yet."
              />
            </div>
            <div>
              <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Models</p>
              <LinkList
                kind="model"
                items={detail.usage.models.map((m) => ({ ...m, note: `v${m.version}` }))}
                empty="No model uses it."
              />
            </div>
          </div>
          {isAuthor ? (
            <div className="mt-4">
              <AddToServiceForm formId="add-feature-to-service" services={services} featureIds={[detail.id]} compact />
            </div>
          ) : null}
        </Card>
      </div>
      <HealthCard detail={detail} />
      <Card title="Transformation">
        <Transformation view={view} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Lineage (one hop)">
          <LineagePreview
            graph={detail.lineage}
            rootId={`feature:${detail.id}`}
            explorerHref={`/lineage?root=feature:${detail.id}`}
          />
        </Card>
        <Card title="Use it in code">
          <div className="space-y-3">
            <div>
              <div className="mb-1 flex items-center justify-between">
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                  Fetch online{firstService ? ` through ${firstService}` : ""}
                </p>
                <CopyButton text={onlineRequestSnippet({ serviceName: firstService, featureRefs: [ref], joinKeys })} />
              </div>
              <CodeBlock
                code={onlineRequestSnippet({ serviceName: firstService, featureRefs: [ref], joinKeys })}
                language="typescript"
              />
            </div>
            <div>
              <div className="mb-1 flex items-center justify-between">
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                  Name it in a feature service (Python)
                </p>
                <CopyButton
                  text={featureServiceSnippet("my_service", [{ view: view.name, features: [detail.name] }])}
                />
              </div>
              <CodeBlock
                code={featureServiceSnippet("my_service", [{ view: view.name, features: [detail.name] }])}
                language="python"
              />
            </div>
          </div>
        </Card>
      </div>
    </>
  );
}

type ViewDetail = NonNullable<Awaited<ReturnType<typeof import("@/lib/data/catalog").getFeatureViewDetail>>>;

function FeatureViewBody({ detail, environmentName }: { detail: ViewDetail; environmentName: string }) {
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Inputs">
          <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Sources</p>
          <LinkList
            kind="data_source"
            items={detail.sources.map((s) => ({ ...s, note: s.platform }))}
            empty="No batch or stream source."
          />
          {detail.view.inputs.length ? (
            <>
              <p className="mb-1 mt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Input views</p>
              <LinkList kind="feature_view" items={detail.view.inputs} empty="" />
            </>
          ) : null}
          <p className="mb-1 mt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Entities</p>
          <LinkList
            kind="entity"
            items={detail.view.entities.map((e) => ({ ...e, note: e.joinKeys.map((k) => k.name).join(", ") }))}
            empty="None."
          />
        </Card>
        <Card title={`Freshness in ${environmentName}`}>
          {detail.freshness ? (
            <>
              <p className="text-sm">
                <Badge
                  tone={
                    detail.freshness.status === "stale"
                      ? "bad"
                      : detail.freshness.status === "fresh"
                        ? "good"
                        : "neutral"
                  }
                >
                  {detail.freshness.status}
                </Badge>{" "}
                {formatAge(detail.freshness.stalenessSeconds)} old
                {detail.freshness.slaSeconds ? ` · SLA ${formatAge(detail.freshness.slaSeconds)}` : ""}
              </p>
              <Sparkline
                label="Staleness over the last 7 days"
                values={detail.freshness.series.map((p) => p.value)}
                threshold={detail.freshness.slaSeconds}
              />
            </>
          ) : (
            <p className="text-sm text-slate-500">On-demand: computed at request time.</p>
          )}
        </Card>
        <Card title="Consumers">
          <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Services</p>
          <LinkList kind="feature_service" items={detail.usage.services} empty="No service uses its features." />
          <p className="mb-1 mt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Models</p>
          <LinkList kind="model" items={detail.usage.models} empty="None." />
          {detail.consumers.length ? (
            <>
              <p className="mb-1 mt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
                On-demand views reading it
              </p>
              <LinkList kind="feature_view" items={detail.consumers} empty="" />
            </>
          ) : null}
        </Card>
      </div>
      <Card title={`Features (${detail.features.length})`}>
        <table className="w-full text-sm" data-testid="view-features">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>Type</th>
              <th>Description</th>
              <th className="text-right">Used by</th>
            </tr>
          </thead>
          <tbody>
            {detail.features.map((feature) => (
              <tr key={feature.id} className="border-t border-slate-100">
                <td className="py-1">
                  <ObjectLink kind="feature" id={feature.id}>
                    {feature.name}
                  </ObjectLink>
                </td>
                <td className="font-mono text-xs">{feature.valueType}</td>
                <td className="text-slate-600">{feature.description}</td>
                <td className="text-right tabular-nums">{feature.usageCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="Transformation">
        <Transformation view={detail.view} />
      </Card>
    </>
  );
}

type SourceDetail = NonNullable<Awaited<ReturnType<typeof import("@/lib/data/catalog").getDataSourceDetail>>>;

function DataSourceBody({ detail }: { detail: SourceDetail }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Connection" className="lg:col-span-1">
        <dl className="space-y-3">
          <Field label="Kind">{detail.sourceKind}</Field>
          <Field label="Platform">{detail.platform}</Field>
          <Field label="Location">
            <span className="break-all font-mono text-xs">{detail.location || "—"}</span>
          </Field>
          <Field label="Event timestamp">{detail.eventTimestampColumn ?? "—"}</Field>
          {detail.batchSource ? (
            <Field label="Backfilled from">
              <ObjectLink kind="data_source" id={detail.batchSource.id}>
                {detail.batchSource.name}
              </ObjectLink>
            </Field>
          ) : null}
          {detail.backfills.length ? (
            <Field label="Backfills">
              <LinkList kind="data_source" items={detail.backfills} empty="" />
            </Field>
          ) : null}
        </dl>
      </Card>
      <Card title={`Schema (${detail.columns.length} columns)`} className="lg:col-span-1">
        <table className="w-full text-sm" data-testid="source-schema">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                Column
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                Type
              </th>
              <th scope="col" className="py-1 font-medium">
                Description
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.columns.map((column) => (
              <tr key={column.id} className="border-t border-slate-100">
                <td className="py-1 pr-4 font-mono text-xs">{column.name}</td>
                <td className="py-1 pr-4 font-mono text-xs text-slate-500">{column.type}</td>
                <td className="py-1 text-xs text-slate-600">{column.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title={`Downstream feature views (${detail.downstreamViews.length})`} className="lg:col-span-1">
        <LinkList
          kind="feature_view"
          items={detail.downstreamViews.map((v) => ({ ...v, note: v.kind }))}
          empty="No feature view reads it yet."
        />
      </Card>
    </div>
  );
}

type EntityDetail = NonNullable<Awaited<ReturnType<typeof import("@/lib/data/catalog").getEntityDetail>>>;

function EntityBody({ detail }: { detail: EntityDetail }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Join keys">
        <ul className="space-y-1 font-mono text-sm">
          {detail.joinKeys.map((key) => (
            <li key={key.name}>
              {key.name} <span className="text-slate-500">{key.valueType}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={`Feature views keyed by it (${detail.views.length})`}>
        <LinkList kind="feature_view" items={detail.views.map((v) => ({ ...v, note: v.kind }))} empty="None yet." />
      </Card>
    </div>
  );
}

type ServiceDetail = NonNullable<Awaited<ReturnType<typeof import("@/lib/data/catalog").getFeatureServiceDetail>>>;

function ServiceBody({ detail }: { detail: ServiceDetail }) {
  const groups = detail.featureGroups.map((g) => ({ view: g.view.name, features: g.features.map((f) => f.name) }));
  const request = onlineRequestSnippet({ serviceName: detail.name, featureRefs: [], joinKeys: [] });
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Serving">
          <dl className="space-y-3">
            <Field label="Latency budget">p99 ≤ {detail.latencyBudgetMs} ms</Field>
            <Field label="Features">{detail.featureCount}</Field>
          </dl>
        </Card>
        <Card title={`Models (${detail.models.length})`}>
          <LinkList
            kind="model"
            items={detail.models.map((m) => ({ ...m, note: `v${m.version}${m.endpoint ? ` · ${m.endpoint}` : ""}` }))}
            empty="No model calls it yet."
          />
        </Card>
        <Card title="Saved datasets">
          <LinkList kind="saved_dataset" items={detail.savedDatasets} empty="None." />
        </Card>
      </div>
      <Card title={`Features (${detail.featureCount})`}>
        <div className="space-y-3" data-testid="service-features">
          {detail.featureGroups.length === 0 ? <p className="text-sm text-slate-500">No features yet.</p> : null}
          {detail.featureGroups.map((group) => (
            <div key={group.view.id}>
              <p className="text-sm font-medium">
                <ObjectLink kind="feature_view" id={group.view.id}>
                  {group.view.name}
                </ObjectLink>
              </p>
              <ul className="ml-4 flex flex-wrap gap-x-4 text-sm">
                {group.features.map((feature) => (
                  <li key={feature.id}>
                    <ObjectLink kind="feature" id={feature.id}>
                      {feature.name}
                    </ObjectLink>{" "}
                    <span className="font-mono text-xs text-slate-500">{feature.valueType}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </Card>
      <Card title="Use it in code">
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <div className="mb-1 flex items-center justify-between">
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Request example</p>
              <CopyButton text={request} />
            </div>
            <CodeBlock code={request} language="typescript" />
          </div>
          <div>
            <div className="mb-1 flex items-center justify-between">
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Feast definition</p>
              <CopyButton text={featureServiceSnippet(detail.name, groups)} />
            </div>
            <CodeBlock code={featureServiceSnippet(detail.name, groups)} language="python" />
          </div>
        </div>
      </Card>
    </>
  );
}

type ModelDetail = NonNullable<Awaited<ReturnType<typeof import("@/lib/data/catalog").getModelDetail>>>;

function ModelBody({ detail }: { detail: ModelDetail }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Deployment">
        <dl className="space-y-3">
          <Field label="Version">{detail.version}</Field>
          <Field label="Endpoint">
            <span className="font-mono text-xs">{detail.endpoint || "—"}</span>
          </Field>
        </dl>
      </Card>
      <Card title={`Feature services (${detail.services.length})`}>
        <LinkList
          kind="feature_service"
          items={detail.services.map((s) => ({ ...s, note: `p99 ≤ ${s.latencyBudgetMs} ms` }))}
          empty="None."
        />
      </Card>
      <Card title="Training dataset">
        {detail.trainingDataset ? (
          <p className="text-sm">
            <ObjectLink kind="saved_dataset" id={detail.trainingDataset.id}>
              {detail.trainingDataset.name}
            </ObjectLink>
            <span className="block break-all font-mono text-xs text-slate-500">{detail.trainingDataset.storage}</span>
          </p>
        ) : (
          <p className="text-sm text-slate-500">Not recorded: drift has no training baseline.</p>
        )}
      </Card>
    </div>
  );
}

type DatasetDetail = NonNullable<Awaited<ReturnType<typeof import("@/lib/data/catalog").getSavedDatasetDetail>>>;

function DatasetBody({ detail }: { detail: DatasetDetail }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Dataset">
        <dl className="space-y-3">
          <Field label="Storage">
            <span className="break-all font-mono text-xs">{detail.storage || "—"}</span>
          </Field>
          <Field label="Rows">{detail.rowCount?.toLocaleString("en-US") ?? "—"}</Field>
          <Field label="Time range">
            {detail.startAt && detail.endAt
              ? `${formatDateTime(detail.startAt)} – ${formatDateTime(detail.endAt)}`
              : "—"}
          </Field>
          <Field label="From service">
            {detail.featureService ? (
              <ObjectLink kind="feature_service" id={detail.featureService.id}>
                {detail.featureService.name}
              </ObjectLink>
            ) : (
              "—"
            )}
          </Field>
        </dl>
      </Card>
      <Card title={`Features (${detail.featureRefs.length})`}>
        <ul className="max-h-64 overflow-y-auto font-mono text-xs">
          {detail.featureRefs.map((ref) => (
            <li key={ref}>{ref}</li>
          ))}
        </ul>
      </Card>
      <Card title="Models trained on it">
        <LinkList
          kind="model"
          items={detail.trainedModels.map((m) => ({ ...m, note: `v${m.version}` }))}
          empty="None recorded."
        />
      </Card>
    </div>
  );
}
