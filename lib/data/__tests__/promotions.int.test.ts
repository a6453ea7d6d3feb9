import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditLog } from "@/lib/data/audit-log";
import {
  countInbox,
  createPromotionRequest,
  createRevertRequest,
  getPromotionRequest,
  listEnvironmentVersions,
  listPromotionRequests,
  refreshPromotionRequest,
  reviewPromotionRequest,
  withdrawPromotionRequest,
} from "@/lib/data/promotions";
import type { FeatureViewDefinition } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import { testEngineKind } from "@/lib/testing/test-db";
import { createPromotionWorld, type PromotionWorld } from "./promotion-fixture";

let world: PromotionWorld;
beforeAll(async () => {
  world = await createPromotionWorld();
}, 180_000);
afterAll(async () => {
  await world?.database.cleanup();
});

async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

function open(
  items: Array<{ kind: "feature_view" | "feature_service"; name: string }>,
  options: {
    from?: "dev" | "staging" | "prod";
    to?: "dev" | "staging" | "prod";
    as?: keyof PromotionWorld["users"];
    title?: string;
  } = {},
) {
  return createPromotionRequest(
    world.prisma,
    {
      workspaceId: world.workspaceId,
      sourceEnvironment: options.from ?? "dev",
      ...(options.to ? { targetEnvironment: options.to } : {}),
      title: options.title ?? `Promote ${items.map((item) => item.name).join(", ")}`,
      description: "",
      items,
    },
    world.users[options.as ?? "author"],
  );
}

function review(
  number: number,
  as: keyof PromotionWorld["users"],
  decision: "approve" | "reject" | "request_changes",
  comment = "",
) {
  return reviewPromotionRequest(
    world.prisma,
    { workspaceId: world.workspaceId, number, decision, comment },
    world.users[as],
  );
}

async function requestRow(number: number) {
  return world.prisma.promotionRequest.findUniqueOrThrow({
    where: { workspaceId_number: { workspaceId: world.workspaceId, number } },
    include: { reviews: true, items: true, checks: true },
  });
}

describe(`promotion requests on ${testEngineKind()}`, () => {
  it("opens a request from dev to staging with a diff against staging, checks and an audit entry", async () => {
    expect(await world.activeNumber("dev", "feature_view", "user_profile")).toBe(2);
    expect(await world.activeNumber("staging", "feature_view", "user_profile")).toBe(1);
    const { number } = await open([{ kind: "feature_view", name: "user_profile" }]);
    const detail = await getPromotionRequest(world.prisma, {
      workspaceId: world.workspaceId,
      number,
      viewer: world.users.approver,
    });
    expect(detail).toMatchObject({
      state: "open",
      source: "dev",
      target: "staging",
      requiredApprovals: 1,
      approvals: 0,
      isStale: false,
    });
    const item = detail!.items[0]!;
    expect(item).toMatchObject({ name: "user_profile", version: { number: 2 }, baseVersion: { number: 1 } });
    expect(item.changes.map((change) => change.path)).toEqual(["transformation.code"]);
    expect(item.code!.after).toContain("t.status IN ('authorized', 'settled')");
    expect(item.code!.before).not.toContain("t.status IN");
    const services = detail!.impact[0]!.impacted.filter((entry) => entry.kind === "feature_service").map(
      (entry) => entry.name,
    );
    expect(services).toContain("fraud_scoring_v3");
    expect(detail!.impact[0]!.impacted.some((entry) => entry.kind === "model" && entry.name === "fraud_detector")).toBe(
      true,
    );
    expect(detail!.checks.map((check) => check.name)).toEqual([
      "definitions_valid",
      "dependencies_active",
      "no_breaking_change",
      "freshness",
      "skew",
      "drift",
    ]);
    expect(detail!.checks.find((check) => check.name === "no_breaking_change")?.status).toBe("pass");
    expect(detail!.actions.review).toContain("approve");
    const asAuthor = await getPromotionRequest(world.prisma, {
      workspaceId: world.workspaceId,
      number,
      viewer: world.users.author,
    });
    expect(asAuthor!.actions.review).toEqual([]);
    expect(asAuthor!.actions.canWithdraw).toBe(true);
    const audit = await listAuditLog(world.prisma, { workspaceId: world.workspaceId, action: "promotion.open" });
    expect(audit.entries[0]).toMatchObject({
      objectKind: "promotion_request",
      actor: { userId: world.users.author.userId },
    });
    const byObject = await listAuditLog(world.prisma, { workspaceId: world.workspaceId, object: "user_profile" });
    expect(byObject.entries.map((entry) => entry.action)).toContain("promotion.open");
    const paged = await listAuditLog(world.prisma, { workspaceId: world.workspaceId, limit: 2 });
    expect(paged.entries).toHaveLength(2);
    const older = await listAuditLog(world.prisma, {
      workspaceId: world.workspaceId,
      limit: 2,
      cursor: paged.nextCursor!,
    });
    expect(BigInt(older.entries[0]!.id)).toBeLessThan(BigInt(paged.entries[1]!.id));
  });

  it("refuses to open for a viewer, to skip an environment, or to promote what is already there", async () => {
    expect((await refusal(open([{ kind: "feature_view", name: "user_profile" }], { as: "viewer" }))).status).toBe(403);
    const skip = await refusal(open([{ kind: "feature_view", name: "user_profile" }], { to: "prod" }));
    expect(skip.status).toBe(422);
    expect(skip.message).toMatch(/after dev is staging, not prod/);
    const same = await refusal(open([{ kind: "feature_view", name: "login_activity" }]));
    expect(same).toMatchObject({ status: 422, message: expect.stringMatching(/already active in staging/) });
    const unknown = await refusal(open([{ kind: "feature_view", name: "no_such_view" }]));
    expect(unknown.status).toBe(422);
    const backwards = await refusal(open([{ kind: "feature_view", name: "user_profile" }], { from: "prod" }));
    expect(backwards.status).toBe(422);
  });

  it("refuses the author's and a viewer's approval and changes nothing", async () => {
    const number = 1;
    const asAuthorRole = await refusal(review(number, "author", "approve"));
    expect(asAuthorRole).toMatchObject({ status: 403, message: expect.stringMatching(/Only approvers/) });
    expect((await refusal(review(number, "viewer", "approve"))).status).toBe(403);
    // An approver who opens a request cannot approve it either.
    const ownRequest = await open([{ kind: "feature_view", name: "route_segment_speeds" }], { as: "approver" });
    const own = await refusal(review(ownRequest.number, "approver", "approve"));
    expect(own).toMatchObject({ status: 403, message: expect.stringMatching(/your own/) });
    const detail = await getPromotionRequest(world.prisma, {
      workspaceId: world.workspaceId,
      number: ownRequest.number,
      viewer: world.users.approver,
    });
    expect(detail!.actions.review).toEqual([]);
    expect((await requestRow(ownRequest.number)).reviews).toHaveLength(0);
    await withdrawPromotionRequest(
      world.prisma,
      { workspaceId: world.workspaceId, number: ownRequest.number },
      world.users.approver,
    );
    const row = await requestRow(number);
    expect(row.reviews).toHaveLength(0);
    expect(row.state).toBe("open");
    expect(await world.activeNumber("staging", "feature_view", "user_profile")).toBe(1);
  });

  it("applies with one approval into staging, records the previous version and audits the activation", async () => {
    const inboxBefore = await countInbox(world.prisma, { workspaceId: world.workspaceId, ...world.users.approver });
    expect(inboxBefore.toReview).toBeGreaterThanOrEqual(1);
    const result = await review(1, "approver", "approve", "Looks right");
    expect(result).toEqual({ state: "applied", approvals: 1, requiredApprovals: 1, applied: true });
    expect(await world.activeNumber("staging", "feature_view", "user_profile")).toBe(2);
    const row = await requestRow(1);
    expect(row.closedAt).not.toBeNull();
    const v1 = await world.prisma.definitionVersion.findFirstOrThrow({
      where: { objectName: "user_profile", objectKind: "feature_view", number: 1 },
    });
    expect(row.items[0]!.previousVersionId).toBe(v1.id);
    const activations = await listAuditLog(world.prisma, {
      workspaceId: world.workspaceId,
      object: "user_profile",
      action: "version.activate",
    });
    expect(activations.entries[0]).toMatchObject({
      before: { environment: "staging", version: 1 },
      after: { environment: "staging", version: 2, promotionRequest: 1 },
    });
    const again = await refusal(review(1, "approver2", "approve"));
    expect(again).toMatchObject({ status: 409, message: expect.stringMatching(/applied/) });
    expect((await countInbox(world.prisma, { workspaceId: world.workspaceId, ...world.users.approver })).toReview).toBe(
      inboxBefore.toReview - 1,
    );
  });

  it("lists each object's active version per environment, in chain order, for several objects at once", async () => {
    const [userProfile, other] = await Promise.all([
      world.prisma.featureView.findFirstOrThrow({ where: { workspaceId: world.workspaceId, name: "user_profile" } }),
      world.prisma.featureView.findFirstOrThrow({
        where: { workspaceId: world.workspaceId, name: { not: "user_profile" } },
      }),
    ]);
    const versions = await listEnvironmentVersions(world.prisma, {
      workspaceId: world.workspaceId,
      objects: [
        { kind: "feature_view", objectId: userProfile.id },
        { kind: "feature_view", objectId: other.id },
      ],
    });
    const mine = versions.get(`feature_view:${userProfile.id}`)!;
    expect(mine.map((row) => row.environment)).toEqual(["dev", "staging", "prod"]);
    expect(mine[1]).toMatchObject({ version: { number: 2 }, promotionRequestNumber: 1 });
    expect(mine[1]!.version!.number).toBe(await world.activeNumber("staging", "feature_view", "user_profile"));
    const theirs = versions.get(`feature_view:${other.id}`)!;
    expect(theirs.map((row) => row.environment)).toEqual(["dev", "staging", "prod"]);
    expect(theirs[0]!.version).not.toBeNull();
    expect(await listEnvironmentVersions(world.prisma, { workspaceId: world.workspaceId, objects: [] })).toEqual(
      new Map(),
    );
  });

  it("needs two different approvers for prod and refuses approving twice", async () => {
    const { number } = await open([{ kind: "feature_view", name: "user_profile" }], { from: "staging" });
    const first = await review(number, "approver", "approve");
    expect(first).toMatchObject({ state: "open", approvals: 1, requiredApprovals: 2, applied: false });
    const twice = await refusal(review(number, "approver", "approve"));
    expect(twice).toMatchObject({ status: 409, message: expect.stringMatching(/already approved/) });
    expect(await world.activeNumber("prod", "feature_view", "user_profile")).toBe(1);
    const second = await review(number, "approver2", "approve");
    expect(second).toMatchObject({ state: "applied", approvals: 2, applied: true });
    expect(await world.activeNumber("prod", "feature_view", "user_profile")).toBe(2);
  });

  it("reverts an applied request with a new request that re-activates the previous versions", async () => {
    const revert = await createRevertRequest(
      world.prisma,
      { workspaceId: world.workspaceId, number: 1 },
      world.users.author,
    );
    const detail = await getPromotionRequest(world.prisma, {
      workspaceId: world.workspaceId,
      number: revert.number,
      viewer: world.users.approver,
    });
    expect(detail).toMatchObject({ revertsRequestNumber: 1, source: "dev", target: "staging" });
    expect(detail!.items[0]).toMatchObject({
      name: "user_profile",
      version: { number: 1 },
      baseVersion: { number: 2 },
    });
    await review(revert.number, "approver", "approve");
    expect(await world.activeNumber("staging", "feature_view", "user_profile")).toBe(2 - 1);
    const original = await getPromotionRequest(world.prisma, {
      workspaceId: world.workspaceId,
      number: 1,
      viewer: world.users.author,
    });
    expect(original!.revertedByNumbers).toEqual([revert.number]);
    const notApplied = await refusal(
      createRevertRequest(
        world.prisma,
        { workspaceId: world.workspaceId, number: revert.number + 100 },
        world.users.author,
      ),
    );
    expect(notApplied.status).toBe(404);
  });

  it("rejects with a comment, and a rejected request can no longer be approved", async () => {
    const version = await world.edit<FeatureViewDefinition>("feature_view", "merchant_risk_stats", (view) => ({
      ...view,
      description: `${view.description} Reviewed quarterly.`,
    }));
    expect(version).toBe(3);
    const { number } = await open([{ kind: "feature_view", name: "merchant_risk_stats" }]);
    const rejected = await review(number, "approver", "reject", "Describe the review cadence in the runbook instead.");
    expect(rejected.state).toBe("rejected");
    expect((await refusal(review(number, "approver2", "approve"))).status).toBe(409);
    expect(
      (
        await refusal(
          withdrawPromotionRequest(world.prisma, { workspaceId: world.workspaceId, number }, world.users.author),
        )
      ).status,
    ).toBe(409);
    expect(await world.activeNumber("staging", "feature_view", "merchant_risk_stats")).toBe(2);
  });

  it("keeps a request open on request-changes and lets only the author withdraw it", async () => {
    const { number } = await open([{ kind: "feature_view", name: "merchant_risk_stats" }], { title: "Second try" });
    const changes = await review(number, "approver", "request_changes", "Add an owner note.");
    expect(changes.state).toBe("open");
    const mine = await listPromotionRequests(world.prisma, {
      workspaceId: world.workspaceId,
      ...world.users.author,
      view: "mine",
      page: 1,
    });
    expect(mine.requests.some((request) => request.number === number)).toBe(true);
    expect(mine.counts.mine).toBeGreaterThanOrEqual(1);
    const inbox = await listPromotionRequests(world.prisma, {
      workspaceId: world.workspaceId,
      ...world.users.approver,
      view: "inbox",
      page: 1,
    });
    expect(inbox.requests.some((request) => request.number === number)).toBe(false);
    const inbox2 = await listPromotionRequests(world.prisma, {
      workspaceId: world.workspaceId,
      ...world.users.approver2,
      view: "inbox",
      page: 1,
    });
    expect(inbox2.requests.some((request) => request.number === number)).toBe(true);
    const viewerInbox = await countInbox(world.prisma, { workspaceId: world.workspaceId, ...world.users.viewer });
    expect(viewerInbox.toReview).toBe(0);

    const notAuthor = await refusal(
      withdrawPromotionRequest(world.prisma, { workspaceId: world.workspaceId, number }, world.users.admin),
    );
    expect(notAuthor.status).toBe(403);
    expect(
      await withdrawPromotionRequest(world.prisma, { workspaceId: world.workspaceId, number }, world.users.author),
    ).toEqual({
      state: "withdrawn",
    });
    expect((await refusal(review(number, "approver2", "approve"))).status).toBe(409);
    const audit = await listAuditLog(world.prisma, {
      workspaceId: world.workspaceId,
      user: "author@featureline.dev",
      action: "promotion.withdraw",
    });
    expect(audit.entries).toHaveLength(1);
  });

  it("refuses approval while the target changed, until the author refreshes; earlier approvals then lapse", async () => {
    await world.edit<FeatureViewDefinition>("feature_view", "card_profile", (view) => ({
      ...view,
      tags: [...view.tags, "pci"],
    }));
    const stagingBefore = await world.activeNumber("staging", "feature_view", "card_profile");
    const a = await open([{ kind: "feature_view", name: "card_profile" }], { title: "Tag card_profile" });
    await world.edit<FeatureViewDefinition>("feature_view", "card_profile", (view) => ({
      ...view,
      description: `${view.description} PCI scope.`,
    }));
    const b = await open([{ kind: "feature_view", name: "card_profile" }], { title: "Describe card_profile" });
    await review(b.number, "approver", "approve");
    expect(await world.activeNumber("staging", "feature_view", "card_profile")).toBe((stagingBefore ?? 0) + 2);

    const stale = await refusal(review(a.number, "approver2", "approve"));
    expect(stale.status).toBe(409);
    expect(stale.message).toMatch(/must refresh/);
    const detail = await getPromotionRequest(world.prisma, {
      workspaceId: world.workspaceId,
      number: a.number,
      viewer: world.users.author,
    });
    expect(detail!.isStale).toBe(true);
    expect((await requestRow(a.number)).reviews).toHaveLength(0);

    const refreshed = await refreshPromotionRequest(
      world.prisma,
      { workspaceId: world.workspaceId, number: a.number },
      world.users.author,
    );
    expect(refreshed).toEqual({ state: "open", revision: 2, targetChanged: true });
    const after = await getPromotionRequest(world.prisma, {
      workspaceId: world.workspaceId,
      number: a.number,
      viewer: world.users.author,
    });
    expect(after!.isStale).toBe(false);
    expect(after!.items[0]!.baseVersion!.number).toBe((stagingBefore ?? 0) + 2);
    expect(
      await refreshPromotionRequest(
        world.prisma,
        { workspaceId: world.workspaceId, number: a.number },
        world.users.author,
      ),
    ).toEqual({
      state: "open",
      revision: 2,
      targetChanged: false,
    });
    expect(
      (
        await refusal(
          refreshPromotionRequest(
            world.prisma,
            { workspaceId: world.workspaceId, number: a.number },
            world.users.viewer,
          ),
        )
      ).status,
    ).toBe(403);
  });

  it("lets approvals of an earlier revision lapse when a refresh finds the target changed", async () => {
    await world.edit<FeatureViewDefinition>("feature_view", "card_profile", (view) => ({
      ...view,
      tags: [...view.tags, "tier-1"],
    }));
    // Bring the edits to staging first so staging -> prod has something to promote.
    const toStaging = await open([{ kind: "feature_view", name: "card_profile" }]);
    await review(toStaging.number, "approver", "approve");
    const toProd = await open([{ kind: "feature_view", name: "card_profile" }], { from: "staging" });
    await review(toProd.number, "approver", "approve");
    // Someone changes prod underneath it.
    await world.pin("prod", "feature_view", "card_profile", 2);
    expect((await refusal(review(toProd.number, "approver2", "approve"))).status).toBe(409);
    await refreshPromotionRequest(
      world.prisma,
      { workspaceId: world.workspaceId, number: toProd.number },
      world.users.author,
    );
    const second = await review(toProd.number, "approver2", "approve");
    expect(second).toMatchObject({ state: "open", approvals: 1, applied: false });
    const third = await review(toProd.number, "approver", "approve");
    expect(third).toMatchObject({ state: "applied", approvals: 2, applied: true });
  });
});
