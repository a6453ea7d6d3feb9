import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LineageExplorer } from "@/components/lineage/lineage-explorer";
import { LineagePicker } from "@/components/lineage/lineage-picker";
import { type LineageResponse } from "@/lib/data/lineage";
import { getLineageResponse, listLineageTeams, searchLineageObjects } from "@/lib/server/lineage";
import { AppError } from "@/lib/errors";
import { KIND_LABELS } from "@/lib/kinds";
import { parseNodeId } from "@/lib/lineage/types";
import { pickEnvironment } from "@/lib/environments";
import { requireWorkspace } from "@/lib/session";
import { DEFAULT_NODE_LIMIT, lineagePageParamsSchema } from "@/lib/validations/lineage";

export const metadata: Metadata = { title: "Lineage" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LineagePage({ searchParams }: { searchParams: SearchParams }) {
  const { workspace, environment, environments } = await requireWorkspace();
  const raw = await searchParams;
  const params = lineagePageParamsSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])),
  );
  // The URL's environment, else the header's; "all" is the registry head without health. A
  // stale name in a shared link falls back to the header's rather than failing the page.
  const environmentNames = environments.map((e) => e.name);
  const known = params.env !== undefined && environmentNames.includes(params.env);
  const env =
    params.env === "all"
      ? null
      : pickEnvironment(environments, { requested: known ? params.env : undefined, preferred: environment.name }).name;
  const up = params.up ?? 1;
  const down = params.down ?? 1;

  if (params.root) {
    const root = parseNodeId(params.root);
    if (!root) {
      return (
        <>
          <PageHeader title="Lineage" />
          <EmptyState title="That is not an object reference">
            <p>
              Expected <code>kind:id</code>, e.g. <code>feature_view:…</code>.{" "}
              <Link href="/lineage" className="text-brand-700 underline">
                Find an object
              </Link>
            </p>
          </EmptyState>
        </>
      );
    }
    const level = params.level ?? (root.kind === "feature" || root.kind === "column" ? "column" : "object");
    let initial: LineageResponse;
    let teams: Awaited<ReturnType<typeof listLineageTeams>>;
    try {
      [initial, teams] = await Promise.all([
        getLineageResponse({
          workspaceId: workspace.id,
          query: { root, up, down, env: env ?? undefined, level, limit: DEFAULT_NODE_LIMIT, offset: 0 },
        }),
        listLineageTeams(workspace.id),
      ]);
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found" && env && /no active version/.test(error.message)) {
        return (
          <>
            <PageHeader title="Lineage" />
            <EmptyState title={error.message}>
              <Link
                href={`/lineage?root=${encodeURIComponent(params.root)}&env=all`}
                className="text-brand-700 underline"
              >
                Show its lineage in the registry head instead
              </Link>
            </EmptyState>
          </>
        );
      }
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }
    const rootNode = initial.nodes.find((node) => node.id === initial.rootId);
    return (
      <>
        <PageHeader
          title={rootNode ? `Lineage of ${rootNode.name}` : "Lineage"}
          description={
            <>
              {rootNode ? `${KIND_LABELS[rootNode.kind].one} · ` : ""}
              {up} hop{up === 1 ? "" : "s"} up and {down} down{env ? ` · health in ${env}` : ""}.{" "}
              <Link href="/lineage" className="text-brand-700 underline">
                Another object
              </Link>{" "}
              ·{" "}
              <Link
                href={`/lineage?scope=workspace${env ? `&env=${env}` : "&env=all"}`}
                className="text-brand-700 underline"
              >
                Whole workspace
              </Link>
            </>
          }
        />
        <LineageExplorer
          key={`${params.root}|${level}|${env}|${up}|${down}`}
          mode="focused"
          root={params.root}
          up={up}
          down={down}
          level={level}
          env={env}
          environments={environmentNames}
          teams={teams}
          initial={initial}
        />
      </>
    );
  }

  if (params.scope === "workspace") {
    const level = params.level ?? "object";
    const teams = await listLineageTeams(workspace.id);
    return (
      <>
        <PageHeader
          title="Workspace lineage"
          description={
            <>
              Every object of {workspace.name}, sources on the left to models on the right
              {env ? `, with health in ${env}` : ""}.{" "}
              <Link href="/lineage" className="text-brand-700 underline">
                Focus on one object
              </Link>
            </>
          }
        />
        <LineageExplorer
          key={`workspace|${level}|${env}`}
          mode="workspace"
          up={0}
          down={0}
          level={level}
          env={env}
          environments={environmentNames}
          teams={teams}
        />
      </>
    );
  }

  const hits = params.q ? await searchLineageObjects({ workspaceId: workspace.id, query: params.q }) : [];
  return (
    <>
      <PageHeader
        title="Lineage"
        description="From source columns to models: pick an object to see what feeds it and what breaks if it changes."
      />
      <LineagePicker query={params.q ?? ""} hits={hits} env={env} />
    </>
  );
}
