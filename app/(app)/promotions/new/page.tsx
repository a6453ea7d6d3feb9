import type { Metadata } from "next";
import Link from "next/link";
import { NewRequestForm } from "@/components/promotions/new-request-form";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { db } from "@/lib/db";
import { listPromotionCandidates } from "@/lib/data/promotions";
import { requireRole } from "@/lib/session";

export const metadata: Metadata = { title: "New promotion request" };

/** `?from=staging` picks the source; `?item=feature_view:<id>` (repeatable) preselects objects. */
export default async function NewPromotionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { workspace } = await requireRole("author");
  const raw = await searchParams;
  const from = typeof raw.from === "string" ? raw.from : undefined;
  const preselected = ([] as string[]).concat(raw.item ?? []);
  const { environments, source, target, candidates } = await listPromotionCandidates(db(), {
    workspaceId: workspace.id,
    sourceEnvironment: from,
  });
  return (
    <>
      <PageHeader
        title="New promotion request"
        description={
          target
            ? `From ${source?.name} to ${target.name}: ${target.requiredApprovals} approval${target.requiredApprovals === 1 ? "" : "s"} needed${target.blockOnHealth ? "; poor health in the source blocks" : ""}. Checks run when you open it.`
            : "Choose an environment to promote from."
        }
      />
      <nav aria-label="Source environment" className="mb-6 flex flex-wrap gap-2 text-sm">
        <span className="text-slate-600">Promote from:</span>
        {environments.slice(0, -1).map((environment) => (
          <Link
            key={environment.name}
            href={`/promotions/new?from=${encodeURIComponent(environment.name)}`}
            aria-current={environment.name === source?.name ? "page" : undefined}
            className={`rounded-full px-3 py-0.5 ring-1 ring-inset ${environment.name === source?.name ? "bg-brand-50 text-brand-700 ring-brand-100" : "text-slate-700 ring-slate-200 hover:bg-slate-50"}`}
          >
            {environment.name} → {environments[environment.position + 1]?.name ?? "…"}
          </Link>
        ))}
      </nav>
      {!target || !source ? (
        <EmptyState
          title={`${source?.name ?? "This environment"} is the last environment; there is nothing to promote to.`}
        />
      ) : candidates.length === 0 ? (
        <EmptyState title={`Everything active in ${source.name} is already active in ${target.name}.`}>
          Save a change in {source.name} first, or promote from another environment.
        </EmptyState>
      ) : (
        <NewRequestForm
          key={source.name}
          source={source.name}
          target={target.name}
          preselected={preselected}
          candidates={candidates.map((candidate) => ({
            value: `${candidate.kind}:${candidate.objectId}`,
            kind: candidate.kind,
            name: candidate.name,
            sourceVersion: candidate.sourceVersion.number,
            targetVersion: candidate.targetVersion?.number ?? null,
          }))}
        />
      )}
    </>
  );
}
