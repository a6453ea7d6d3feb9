import type { Metadata } from "next";
import Link from "next/link";
import { NewRequestForm } from "@/components/promotions/new-request-form";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { listPromotionCandidatesFor } from "@/lib/server/promotion-candidates";
import { requireRole } from "@/lib/session";

export const metadata: Metadata = { title: "New promotion request" };

/**
 * `?from=staging` picks the source; `?item=feature_view:<id>` (repeatable; `?object=` from an
 * object page's Promote button) preselects objects. Without `from`, the source is the first
 * environment where a preselected object has something to promote.
 */
export default async function NewPromotionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { workspace } = await requireRole("author");
  const raw = await searchParams;
  const preselected = ([] as string[]).concat(raw.item ?? [], raw.object ?? []);
  const from = typeof raw.from === "string" ? raw.from : undefined;
  const { environments, source, target, candidates } = await listPromotionCandidatesFor({
    workspaceId: workspace.id,
    sourceEnvironment: from,
    preselected,
  });
  const missing = preselected.filter((value) => !candidates.some((c) => `${c.kind}:${c.objectId}` === value));
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
            href={`/promotions/new?${new URLSearchParams([["from", environment.name], ...preselected.map((value) => ["item", value])])}`}
            aria-current={environment.name === source?.name ? "page" : undefined}
            className={`rounded-full px-3 py-0.5 ring-1 ring-inset ${environment.name === source?.name ? "bg-brand-50 text-brand-700 ring-brand-100" : "text-slate-700 ring-slate-200 hover:bg-slate-50"}`}
          >
            {environment.name} → {environments[environment.position + 1]?.name ?? "…"}
          </Link>
        ))}
      </nav>
      {missing.length > 0 && source && target ? (
        <p
          role="status"
          data-testid="preselect-missing"
          className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
        >
          {missing.length === 1 ? "The object you came from has" : "Some objects you chose have"} nothing to promote
          from {source.name} to {target.name}: the same version is already active there, or it is not active in{" "}
          {source.name}. Pick another source above.
        </p>
      ) : null}
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
