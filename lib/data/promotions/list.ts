import "server-only";
import type { Client } from "@/lib/data/promotion-checks";
import { roleAtLeast } from "@/lib/data/users";
import type { Db, Prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { approversOf, effectiveRequiredApprovals, type PromotionState } from "@/lib/promotions/state-machine";
import type { PromotionListQuery } from "@/lib/validations/promotions";
import { loadEnvironments, usersById } from "./shared";

const PAGE_SIZE = 25;

export interface PromotionSummary {
  id: string;
  number: number;
  title: string;
  state: PromotionState;
  source: string;
  target: string;
  author: { id: string; name: string; email: string } | null;
  itemCount: number;
  objects: string[];
  approvals: number;
  requiredApprovals: number;
  createdAt: Date;
  updatedAt: Date;
}

const summarySelect = {
  id: true,
  number: true,
  title: true,
  state: true,
  authorId: true,
  sourceEnvironmentId: true,
  targetEnvironmentId: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
  items: { select: { versionId: true } },
  reviews: { select: { reviewerId: true, decision: true, revision: true } },
} as const satisfies Prisma.PromotionRequestSelect;

type SummaryRow = Prisma.PromotionRequestGetPayload<{ select: typeof summarySelect }>;

async function summarise(client: Client, workspaceId: string, rows: SummaryRow[]): Promise<PromotionSummary[]> {
  const [environments, users, versions] = await Promise.all([
    loadEnvironments(client, workspaceId),
    usersById(
      client,
      rows.map((row) => row.authorId),
    ),
    client.definitionVersion.findMany({
      where: { id: { in: rows.flatMap((row) => row.items.map((item) => item.versionId)) } },
      select: { id: true, objectName: true, number: true },
    }),
  ]);
  const envById = new Map(environments.map((environment) => [environment.id, environment]));
  const versionById = new Map(versions.map((version) => [version.id, version]));
  return rows.map((row) => {
    const target = envById.get(row.targetEnvironmentId);
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      state: row.state,
      source: envById.get(row.sourceEnvironmentId)?.name ?? "?",
      target: target?.name ?? "?",
      author: users.get(row.authorId) ?? null,
      itemCount: row.items.length,
      objects: row.items.map((item) => {
        const version = versionById.get(item.versionId);
        return version ? `${version.objectName} v${version.number}` : item.versionId;
      }),
      approvals: approversOf(row.reviews, row.revision).length,
      requiredApprovals: effectiveRequiredApprovals(target?.requiredApprovals ?? 1),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

interface InboxRow {
  state: SummaryRow["state"];
  authorId: string;
  revision: number;
  reviews: { reviewerId: string; revision: number }[];
}

/** Open requests someone else wrote that `userId` has not reviewed in their current revision. */
function waitsFor(row: InboxRow, userId: string): boolean {
  return (
    row.state === "open" &&
    row.authorId !== userId &&
    !row.reviews.some((review) => review.reviewerId === userId && review.revision === row.revision)
  );
}

async function openRows(client: Client, workspaceId: string) {
  return client.promotionRequest.findMany({
    where: { workspaceId, state: { in: ["open", "approved"] } },
    orderBy: { number: "desc" },
    select: summarySelect,
  });
}

/** Counts for the navigation: requests waiting for my review, and my requests still open. */
export async function countInbox(
  prisma: Db,
  input: { workspaceId: string; userId: string; role: Role },
): Promise<{ toReview: number; mine: number }> {
  const rows = await prisma.promotionRequest.findMany({
    where: { workspaceId: input.workspaceId, state: { in: ["open", "approved"] } },
    select: {
      state: true,
      authorId: true,
      revision: true,
      reviews: { where: { reviewerId: input.userId }, select: { reviewerId: true, revision: true } },
    },
  });
  return inboxCounts(rows, input);
}

/** The navigation counts from a workspace's open and approved requests. */
function inboxCounts(rows: InboxRow[], input: { userId: string; role: Role }): { toReview: number; mine: number } {
  const isReviewer = roleAtLeast(input.role, "approver");
  let toReview = 0;
  let mine = 0;
  for (const row of rows) {
    if (row.authorId === input.userId) mine++;
    else if (isReviewer && waitsFor(row, input.userId)) toReview++;
  }
  return { toReview, mine };
}

export async function listPromotionRequests(
  prisma: Db,
  input: PromotionListQuery & { workspaceId: string; userId: string; role: Role },
): Promise<{
  requests: PromotionSummary[];
  page: number;
  hasMore: boolean;
  counts: { toReview: number; mine: number };
}> {
  const skip = (input.page - 1) * PAGE_SIZE;
  let rows: SummaryRow[];
  let hasMore: boolean;
  let counts: { toReview: number; mine: number };
  if (input.view === "inbox") {
    // The inbox and the counts come from the same open requests: one query for both.
    const open = await openRows(prisma, input.workspaceId);
    counts = inboxCounts(open, input);
    const waiting = roleAtLeast(input.role, "approver") ? open.filter((row) => waitsFor(row, input.userId)) : [];
    const filtered = input.state ? waiting.filter((row) => row.state === input.state) : waiting;
    rows = filtered.slice(skip, skip + PAGE_SIZE);
    hasMore = filtered.length > skip + PAGE_SIZE;
  } else {
    const [inbox, found] = await Promise.all([
      countInbox(prisma, input),
      prisma.promotionRequest.findMany({
        where: {
          workspaceId: input.workspaceId,
          ...(input.view === "mine" ? { authorId: input.userId } : {}),
          ...(input.state ? { state: input.state } : {}),
        },
        orderBy: { number: "desc" },
        skip,
        take: PAGE_SIZE + 1,
        select: summarySelect,
      }),
    ]);
    counts = inbox;
    hasMore = found.length > PAGE_SIZE;
    rows = found.slice(0, PAGE_SIZE);
  }
  return { requests: await summarise(prisma, input.workspaceId, rows), page: input.page, hasMore, counts };
}
