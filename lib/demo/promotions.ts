import "server-only";
import { createPromotionRequest, reviewPromotionRequest, type PromotionActor } from "@/lib/data/promotions";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/*
 * The demo's promotion history, made through the same domain functions as the UI, so a new user
 * sees every workflow at once: a request applied to prod (its rollback available), one with the
 * first of prod's two approvals waiting for the approver, and one rejected with a comment.
 * lib/demo/catalog.ts leaves these views one version behind in the target for this.
 */

export const DEMO_PROMOTIONS = {
  applied: { view: "product_popularity", from: "staging", daysAgo: 9 },
  awaitingApprover: { view: "driver_trip_stats", from: "staging", daysAgo: 3 },
  rejected: { view: "user_profile", from: "dev", daysAgo: 1 },
} as const;

const DAY_MS = 86_400_000;

export async function seedDemoPromotions(
  prisma: PrismaClient,
  input: { workspaceId: string; now: Date },
): Promise<number> {
  const members = await prisma.workspaceMember.findMany({
    where: { workspaceId: input.workspaceId },
    select: { role: true, user: { select: { id: true, email: true } } },
  });
  const actor = (email: string): PromotionActor => {
    const member = members.find((candidate) => candidate.user.email === email);
    if (!member) throw new Error(`The demo has no member ${email}.`);
    return { userId: member.user.id, role: member.role };
  };
  const author = actor("author@featureline.dev");
  const approver = actor("approver@featureline.dev");
  const approver2 = actor("approver2@featureline.dev");
  const at = (daysAgo: number, hours = 0) => new Date(input.now.getTime() - daysAgo * DAY_MS + hours * 3_600_000);
  const open = (spec: { view: string; from: string; daysAgo: number }, title: string, description: string) =>
    createPromotionRequest(
      prisma,
      {
        workspaceId: input.workspaceId,
        sourceEnvironment: spec.from,
        title,
        description,
        items: [{ kind: "feature_view", name: spec.view }],
      },
      author,
      { now: at(spec.daysAgo) },
    );
  const review = (number: number, reviewer: PromotionActor, daysAgo: number, hours: number, comment: string) =>
    reviewPromotionRequest(prisma, { workspaceId: input.workspaceId, number, decision: "approve", comment }, reviewer, {
      now: at(daysAgo, hours),
    });

  const applied = await open(
    DEMO_PROMOTIONS.applied,
    "Raise product_popularity's TTL to 2 days in prod",
    "A late daily run emptied the online store twice last month. Ran in staging for a week; no freshness alerts.",
  );
  await review(applied.number, approver, DEMO_PROMOTIONS.applied.daysAgo, 2, "Checked the staging runs.");
  await review(applied.number, approver2, DEMO_PROMOTIONS.applied.daysAgo, 5, "Fine; the store has room.");

  const waiting = await open(
    DEMO_PROMOTIONS.awaitingApprover,
    "Night-time trip share for the ETA correction",
    "Adds driver_night_trip_share_30d, read by the night-time ETA correction. Needs both prod approvals.",
  );
  await review(waiting.number, approver2, DEMO_PROMOTIONS.awaitingApprover.daysAgo, 3, "Fine by me; over to Alan.");

  const rejected = await open(
    DEMO_PROMOTIONS.rejected,
    "Exclude declined payments from the 30-day spend features",
    "v2 counts only authorized and settled payments.",
  );
  await reviewPromotionRequest(
    prisma,
    {
      workspaceId: input.workspaceId,
      number: rejected.number,
      decision: "reject",
      comment: "The fraud model was trained with declined attempts in the average; retrain it first.",
    },
    approver,
    { now: at(DEMO_PROMOTIONS.rejected.daysAgo, 4) },
  );
  return 3;
}
