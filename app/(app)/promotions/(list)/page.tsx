import type { Metadata } from "next";
import Link from "next/link";
import { RequestTable } from "@/components/promotions/request-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { listPromotionRequests } from "@/lib/server/promotions";
import { roleAtLeast } from "@/lib/data/users";
import { requireWorkspace } from "@/lib/session";
import { promotionListQuerySchema, type PromotionListQuery } from "@/lib/validations/promotions";

export const metadata: Metadata = { title: "Promotions" };

const STATES = ["open", "approved", "applied", "rejected", "withdrawn"] as const;

function href(query: Partial<PromotionListQuery>): string {
  const params = new URLSearchParams();
  if (query.view && query.view !== "all") params.set("view", query.view);
  if (query.state) params.set("state", query.state);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const text = params.toString();
  return text ? `/promotions?${text}` : "/promotions";
}

export default async function PromotionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { user, workspace, role } = await requireWorkspace();
  const raw = await searchParams;
  const parsed = promotionListQuerySchema.safeParse({ view: raw.view, state: raw.state, page: raw.page });
  const query = parsed.success ? parsed.data : promotionListQuerySchema.parse({});
  const list = await listPromotionRequests({ workspaceId: workspace.id, userId: user.id, role, ...query });
  const tabs = [
    { view: "all" as const, label: "All" },
    { view: "inbox" as const, label: `Waiting for my review (${list.counts.toReview})` },
    { view: "mine" as const, label: `Mine (${list.counts.mine} open)` },
  ];
  return (
    <>
      <PageHeader
        title="Promotions"
        description="Reviewed, checked promotion of definitions from one environment to the next."
        actions={
          <>
            <Link href="/promotions/audit" className={buttonClasses("secondary")}>
              Audit log
            </Link>
            {roleAtLeast(role, "author") ? (
              <Link href="/promotions/new" className={buttonClasses("primary")}>
                New request
              </Link>
            ) : null}
          </>
        }
      />
      <nav
        aria-label="Promotion lists"
        className="mb-4 flex flex-wrap items-center gap-4 border-b border-slate-200 text-sm"
      >
        {tabs.map((tab) => (
          <Link
            key={tab.view}
            href={href({ view: tab.view, state: query.state })}
            aria-current={query.view === tab.view ? "page" : undefined}
            className={`border-b-2 pb-2 ${query.view === tab.view ? "border-brand-500 font-medium text-slate-900" : "border-transparent text-slate-600 hover:border-slate-300"}`}
          >
            {tab.label}
          </Link>
        ))}
        <span className="ml-auto flex flex-wrap gap-2 pb-2 text-xs" aria-label="Filter by state">
          <Link
            href={href({ view: query.view })}
            aria-current={!query.state ? "true" : undefined}
            className={!query.state ? "font-semibold" : "text-slate-600 hover:underline"}
          >
            any state
          </Link>
          {STATES.map((state) => (
            <Link
              key={state}
              href={href({ view: query.view, state })}
              aria-current={query.state === state ? "true" : undefined}
              className={query.state === state ? "font-semibold" : "text-slate-600 hover:underline"}
            >
              {state}
            </Link>
          ))}
        </span>
      </nav>
      {list.requests.length === 0 ? (
        <EmptyState
          title={query.view === "inbox" ? "Nothing waits for your review." : "No promotion requests here yet."}
        >
          {roleAtLeast(role, "author") ? (
            <Link href="/promotions/new" className="text-brand-700 hover:underline">
              Request a promotion
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        <RequestTable requests={list.requests} caption="Promotion requests" />
      )}
      <div className="mt-4 flex justify-between text-sm">
        {query.page > 1 ? (
          <Link href={href({ ...query, page: query.page - 1 })} className="text-brand-700 hover:underline">
            Newer
          </Link>
        ) : (
          <span />
        )}
        {list.hasMore ? (
          <Link href={href({ ...query, page: query.page + 1 })} className="text-brand-700 hover:underline">
            Older
          </Link>
        ) : null}
      </div>
    </>
  );
}
