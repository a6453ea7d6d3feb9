import { promotionHref } from "@/lib/routes";
import { kindWord } from "@/lib/kinds";
import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  applyPromotionAction,
  refreshPromotionAction,
  revertPromotionAction,
  withdrawPromotionAction,
} from "@/app/(app)/promotions/actions";
import { ActionButton } from "@/components/promotions/action-button";
import { CodeDiff } from "@/components/diff/code-diff";
import { FieldChangeTable } from "@/components/diff/field-change-table";
import { EnvironmentVersions } from "@/components/promotions/environment-versions";
import { ReviewForm } from "@/components/promotions/review-form";
import { CheckBadge, StateBadge } from "@/components/promotions/state-badge";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { getPromotionRequest, listEnvironmentVersions } from "@/lib/server/promotions";
import { formatDateTime } from "@/lib/format";
import { roleAtLeast } from "@/lib/data/users";
import { requireWorkspace } from "@/lib/session";
import { requestNumberSchema } from "@/lib/validations/promotions";

type Params = { params: Promise<{ number: string }> };

// One read per request for the title and the page (keyed by number, which React's cache compares).
const loadRequest = cache(async (number: string) => {
  const { user, workspace, role } = await requireWorkspace();
  const parsed = requestNumberSchema.safeParse(number);
  if (!parsed.success) return null;
  return getPromotionRequest({
    workspaceId: workspace.id,
    number: parsed.data,
    viewer: { userId: user.id, role },
  });
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const request = await loadRequest((await params).number);
  return { title: request ? `#${request.number} ${request.title} · Promotion` : "Not found" };
}

const DECISION_LABELS = { approve: "approved", reject: "rejected", request_changes: "requested changes" } as const;

export default async function PromotionPage({ params }: Params) {
  const { user, workspace, role } = await requireWorkspace();
  const request = await loadRequest((await params).number);
  if (!request) notFound();
  const environmentVersions = await listEnvironmentVersions({
    workspaceId: workspace.id,
    objects: request.items.map((item) => ({ kind: item.kind, objectId: item.objectId })),
  });
  const { actions } = request;
  const isOpen = request.state === "open" || request.state === "approved";

  return (
    <>
      <PageHeader
        title={`#${request.number} ${request.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StateBadge state={request.state} />
            <span>
              {request.source} → {request.target} · opened by {request.author?.name ?? "unknown"} on{" "}
              {formatDateTime(request.createdAt)}
            </span>
            <span data-testid="approval-count">
              · {request.approvals} of {request.requiredApprovals} approval{request.requiredApprovals === 1 ? "" : "s"}
            </span>
            {request.revision > 1 ? <Badge>revision {request.revision}</Badge> : null}
          </span>
        }
        actions={
          <>
            {actions.canRefresh ? (
              <ActionButton action={refreshPromotionAction} number={request.number}>
                Refresh
              </ActionButton>
            ) : null}
            {actions.canApply ? (
              <ActionButton action={applyPromotionAction} number={request.number} variant="primary">
                Apply
              </ActionButton>
            ) : null}
            {actions.canRevert ? (
              <ActionButton
                action={revertPromotionAction}
                number={request.number}
                confirm="Open a request that re-activates the previous versions?"
              >
                Revert
              </ActionButton>
            ) : null}
            {request.state === "applied" && !actions.canRevert && !roleAtLeast(role, "author") ? (
              <p className="text-xs text-slate-500" data-testid="revert-roles">
                Authors, approvers and admins can revert this request.
              </p>
            ) : null}
            {actions.canWithdraw ? (
              <ActionButton
                action={withdrawPromotionAction}
                number={request.number}
                variant="danger"
                confirm="Withdraw this request?"
              >
                Withdraw
              </ActionButton>
            ) : null}
          </>
        }
      />

      {request.isStale ? (
        <div
          role="alert"
          className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          What is active in {request.target} changed after this request was opened or last refreshed. The diff below is
          against {request.target} as it is now; approving is refused until the author refreshes the request.
        </div>
      ) : null}
      {request.revertsRequestNumber ? (
        <p className="mb-4 text-sm text-slate-600">
          Reverts{" "}
          <Link className="text-brand-700 hover:underline" href={promotionHref(request.revertsRequestNumber)}>
            #{request.revertsRequestNumber}
          </Link>
          .
        </p>
      ) : null}
      {request.revertedByNumbers.length > 0 ? (
        <p className="mb-4 text-sm text-slate-600">
          Reverted by{" "}
          {request.revertedByNumbers.map((number) => (
            <Link key={number} className="text-brand-700 hover:underline" href={promotionHref(number)}>
              #{number}{" "}
            </Link>
          ))}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {request.description ? (
            <Card title="Description">
              <p className="whitespace-pre-wrap text-sm text-slate-700">{request.description}</p>
            </Card>
          ) : null}

          <section aria-labelledby="diff-heading" className="space-y-4">
            <h2 id="diff-heading" className="text-lg font-semibold text-slate-900">
              Changes {request.state === "applied" ? `applied to ${request.target}` : `against ${request.target}`}
            </h2>
            {request.items.map((item) => (
              <Card
                key={`${item.kind}:${item.objectId}`}
                title={
                  <span data-testid={`item-diff-${item.name}`}>
                    {item.name} <span className="font-normal text-slate-500">{kindWord(item.kind)}</span> ·{" "}
                    {item.baseVersion
                      ? `v${item.baseVersion.number} → v${item.version.number}`
                      : `new in ${request.target}: v${item.version.number}`}
                  </span>
                }
              >
                <div className="space-y-4">
                  <p className="text-sm text-slate-600">
                    v{item.version.number}: {item.version.message || "no message"}
                    {item.version.author ? ` — ${item.version.author}` : ""}, {formatDateTime(item.version.createdAt)}
                  </p>
                  {item.changes.length === 0 && item.baseVersion ? (
                    <p className="text-sm text-slate-500">Same definition as v{item.baseVersion.number}.</p>
                  ) : null}
                  <FieldChangeTable
                    changes={item.changes}
                    beforeLabel={`In ${request.target}`}
                    afterLabel="Requested"
                    hidePaths={["transformation.code"]}
                    emptyText={null}
                  />
                  {item.code ? (
                    <CodeDiff
                      before={item.code.before}
                      after={item.code.after}
                      label={`${item.code.language} transformation, ${request.target} and requested`}
                      beforeLabel={`Active in ${request.target}`}
                      afterLabel="Requested"
                    />
                  ) : null}
                  <details>
                    <summary className="cursor-pointer text-sm text-slate-600">Active in each environment</summary>
                    <div className="mt-2">
                      <EnvironmentVersions
                        objectId={item.objectId}
                        rows={environmentVersions.get(`${item.kind}:${item.objectId}`) ?? []}
                      />
                    </div>
                  </details>
                </div>
              </Card>
            ))}
          </section>

          <Card title={`Downstream impact in ${request.target}`}>
            <ul className="space-y-3 text-sm" data-testid="impact">
              {request.impact.map((entry) => {
                const services = entry.impacted.filter((impacted) => impacted.kind === "feature_service");
                const models = entry.impacted.filter((impacted) => impacted.kind === "model");
                const views = entry.impacted.filter((impacted) => impacted.kind === "feature_view");
                return (
                  <li key={`${entry.kind}:${entry.objectId}`}>
                    <span className="font-medium">{entry.name}</span>:{" "}
                    {entry.impacted.length === 0 ? (
                      <span className="text-slate-500">nothing downstream in {request.target}.</span>
                    ) : (
                      <span className="text-slate-700">
                        {services.length} service{services.length === 1 ? "" : "s"} (
                        {services.map((s) => s.name).join(", ") || "none"}), {models.length} model
                        {models.length === 1 ? "" : "s"} ({models.map((m) => m.name).join(", ") || "none"})
                        {views.length
                          ? `, ${views.length} downstream view${views.length === 1 ? "" : "s"} (${views.map((v) => v.name).join(", ")})`
                          : ""}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </Card>
        </div>

        <div className="space-y-6">
          <Card
            title="Checks"
            action={
              <span className="text-xs text-slate-500">
                {request.checks[0] ? `run ${formatDateTime(request.checks[0].createdAt)}` : ""}
              </span>
            }
          >
            <ul className="space-y-3" aria-label="Checks">
              {request.checks.map((check) => (
                <li key={check.name} data-testid={`check-${check.name}`}>
                  <div className="flex items-start justify-between gap-2">
                    <span className="text-sm font-medium text-slate-800">{check.label}</span>
                    <CheckBadge status={check.status} blocking={check.blocking} />
                  </div>
                  <p className="text-xs text-slate-600">{check.message}</p>
                  {check.details.problems?.length ? (
                    <ul className="mt-1 list-disc space-y-1 pl-4 text-xs text-slate-700">
                      {check.details.problems.slice(0, 12).map((problem, index) => (
                        <li key={index}>
                          <span className="font-mono">{problem.object}</span>
                          {problem.path ? (
                            <span className="font-mono text-slate-500"> {problem.path}</span>
                          ) : null}: {problem.message}
                        </li>
                      ))}
                      {check.details.problems.length > 12 ? (
                        <li>and {check.details.problems.length - 12} more</li>
                      ) : null}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
            {request.hasBlockingFailures && isOpen ? (
              <p className="mt-3 text-xs text-red-700">
                A blocking check fails: the request cannot be applied until it passes.
              </p>
            ) : null}
          </Card>

          <Card title="Reviews">
            {request.reviews.length === 0 ? (
              <p className="text-sm text-slate-500">No reviews yet.</p>
            ) : (
              <ol className="space-y-3 text-sm" aria-label="Reviews">
                {request.reviews.map((review) => (
                  <li key={review.id}>
                    <span className="font-medium">{review.reviewer?.name ?? "unknown"}</span>{" "}
                    {DECISION_LABELS[review.decision]}
                    {review.revision !== request.revision ? (
                      <span className="text-xs text-slate-500"> (revision {review.revision}, lapsed)</span>
                    ) : null}
                    <span className="block text-xs text-slate-500">{formatDateTime(review.createdAt)}</span>
                    {review.comment ? (
                      <p className="mt-1 whitespace-pre-wrap text-slate-700">{review.comment}</p>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
            {actions.review.length > 0 ? (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <ReviewForm number={request.number} decisions={actions.review} isStale={request.isStale} />
              </div>
            ) : isOpen && user.id === request.author?.id ? (
              <p className="mt-4 text-xs text-slate-500">You opened this request; another approver has to review it.</p>
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}
