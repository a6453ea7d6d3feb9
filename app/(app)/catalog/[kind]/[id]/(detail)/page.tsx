import { catalogHref } from "@/lib/routes";
import { KIND_LABELS } from "@/lib/kinds";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Comments } from "@/components/catalog/comments";
import { InactiveHint } from "@/components/catalog/inactive-hint";
import { Markdown } from "@/components/catalog/markdown";
import { ActiveVersions } from "@/components/catalog/object-sections";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import { getObjectDetail, getObjectHeader, listFeatureServiceOptions, listTeamOptions } from "@/lib/data/catalog";
import { listLatestFeatureProfiles } from "@/lib/data/monitoring/feature-profiles";
import { getStarState, listComments } from "@/lib/data/social";
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
  const found = await getObjectHeader(db(), { workspaceId: workspace.id, kind: ref.kind, id: ref.id });
  return { title: found ? `${found.name} · ${KIND_LABELS[ref.kind].one}` : "Not found" };
}

export default async function CatalogObjectPage({ params }: PageProps) {
  const ref = await resolveRef(params);
  const { user, workspace, role, environment } = await requireWorkspace();
  const isAuthor = roleAtLeast(role, "author");
  // Everything the page shows depends only on the object reference: one round of queries.
  const [detail, star, comments, teams, services, profiles] = await Promise.all([
    getObjectDetail(db(), { workspaceId: workspace.id, kind: ref.kind, id: ref.id, environment }),
    getStarState(db(), { userId: user.id, kind: ref.kind, id: ref.id }),
    listComments(db(), { workspaceId: workspace.id, kind: ref.kind, id: ref.id }),
    isAuthor ? listTeamOptions(db(), workspace.id) : [],
    isAuthor && ref.kind === "feature" ? listFeatureServiceOptions(db(), workspace.id) : [],
    ref.kind === "feature"
      ? listLatestFeatureProfiles(db(), {
          workspaceId: workspace.id,
          environmentId: environment.id,
          featureIds: [ref.id],
        })
      : null,
  ]);
  if (!detail) notFound();
  const versionKind = "versions" in detail ? detail.versions.versionKind : ref.kind;
  const versionObjectId = "versions" in detail ? detail.versions.versionObjectId : ref.id;

  return (
    <article className="space-y-6">
      <ObjectHeader objectRef={ref} detail={detail} isAuthor={isAuthor} star={star} teams={teams} />
      {"versions" in detail ? <InactiveHint environment={environment.name} active={detail.versions.active} /> : null}

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
