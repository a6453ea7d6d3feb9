import { catalogHref } from "@/lib/routes";
import { KIND_LABELS } from "@/lib/kinds";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Comments } from "@/components/catalog/comments";
import { InactiveHint } from "@/components/catalog/inactive-hint";
import { ObjectHealthCard } from "@/components/health/object-health-card";
import { Markdown } from "@/components/catalog/markdown";
import { ActiveVersions } from "@/components/catalog/object-sections";
import { Card } from "@/components/ui/card";
import { getObjectDetail, getObjectHeader, listFeatureServiceOptions, listTeamOptions } from "@/lib/server/catalog";
import { listLatestFeatureProfiles } from "@/lib/server/monitoring/feature-profiles";
import { getObjectHealth } from "@/lib/server/service-health";
import { getStarState, listComments } from "@/lib/server/social";
import { roleAtLeast } from "@/lib/data/users";
import { featureData } from "@/lib/monitoring/feature-data";
import { requireWorkspace } from "@/lib/session";
import { decodePathSegment, objectRefSchema } from "@/lib/validations/catalog";
import { KindBody } from "../_components/kind-body";
import { ObjectHeader } from "../_components/object-header";

type PageProps = { params: Promise<{ kind: string; id: string }> };

async function resolveRef(params: PageProps["params"]) {
  const raw = await params;
  const parsed = objectRefSchema.safeParse({ kind: raw.kind, id: decodePathSegment(raw.id) });
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const ref = await resolveRef(params);
  const { workspace } = await requireWorkspace();
  const found = await getObjectHeader({ workspaceId: workspace.id, kind: ref.kind, id: ref.id });
  return { title: found ? `${found.name} · ${KIND_LABELS[ref.kind].one}` : "Not found" };
}

export default async function CatalogObjectPage({ params }: PageProps) {
  const ref = await resolveRef(params);
  const { user, workspace, role, environment } = await requireWorkspace();
  const isAuthor = roleAtLeast(role, "author");
  // Everything the page shows depends only on the object reference: one round of queries.
  const [detail, star, comments, teams, services, objectHealth, profiles] = await Promise.all([
    getObjectDetail({ workspaceId: workspace.id, kind: ref.kind, id: ref.id, environment }),
    getStarState({ userId: user.id, kind: ref.kind, id: ref.id }),
    listComments({ workspaceId: workspace.id, kind: ref.kind, id: ref.id }),
    isAuthor ? listTeamOptions(workspace.id) : [],
    isAuthor && ref.kind === "feature" ? listFeatureServiceOptions(workspace.id) : [],
    ref.kind === "feature_service" || ref.kind === "model"
      ? getObjectHealth({
          workspaceId: workspace.id,
          environmentId: environment.id,
          serviceIds: ref.kind === "feature_service" ? [ref.id] : [],
          modelIds: ref.kind === "model" ? [ref.id] : [],
        })
      : null,
    ref.kind === "feature"
      ? listLatestFeatureProfiles({
          workspaceId: workspace.id,
          environmentId: environment.id,
          featureIds: [ref.id],
        })
      : null,
  ]);
  if (!detail) notFound();
  const health = objectHealth?.services.get(ref.id) ?? objectHealth?.models.get(ref.id);
  const versionKind = "versions" in detail ? detail.versions.versionKind : ref.kind;
  const versionObjectId = "versions" in detail ? detail.versions.versionObjectId : ref.id;

  return (
    <article className="space-y-6">
      <ObjectHeader objectRef={ref} detail={detail} isAuthor={isAuthor} star={star} teams={teams} />
      {"versions" in detail ? <InactiveHint environment={environment.name} active={detail.versions.active} /> : null}
      {health && (ref.kind === "feature_service" || ref.kind === "model") ? (
        <ObjectHealthCard kind={ref.kind} id={ref.id} health={health} environmentName={environment.name} />
      ) : null}

      <Card title="Description">
        <Markdown>{detail.description}</Markdown>
      </Card>

      <KindBody
        detail={detail}
        isAuthor={isAuthor}
        services={services}
        environmentName={environment.name}
        featureData={profiles ? featureData(profiles.get(ref.id) ?? []) : null}
      />

      {"versions" in detail ? (
        <ActiveVersions
          versions={detail.versions}
          versionsHref={catalogHref(versionKind, versionObjectId, "versions")}
        />
      ) : null}

      <Comments kind={ref.kind} id={ref.id} comments={comments} />
    </article>
  );
}
