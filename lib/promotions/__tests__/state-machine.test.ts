import { describe, expect, it } from "vitest";
import {
  afterRefresh,
  approversOf,
  checkNextInLine,
  decideApply,
  decideRefresh,
  decideReview,
  decideWithdraw,
  effectiveRequiredApprovals,
  nextEnvironment,
  reviewActionsFor,
  type ReviewContext,
} from "@/lib/promotions/state-machine";

const ENVIRONMENTS = [
  { id: "p", name: "prod", position: 2 },
  { id: "d", name: "dev", position: 0 },
  { id: "s", name: "staging", position: 1 },
];

function review(overrides: Partial<ReviewContext> = {}): ReviewContext {
  return {
    state: "open",
    number: 7,
    authorId: "author",
    reviewer: { userId: "alan", role: "approver" },
    decision: "approve",
    approvers: [],
    requiredApprovals: 1,
    isStale: false,
    isNextInLine: true,
    hasBlockingFailures: false,
    ...overrides,
  };
}

describe("environment order", () => {
  it("finds the next environment by position, not by list order", () => {
    expect(nextEnvironment(ENVIRONMENTS, "d")?.name).toBe("staging");
    expect(nextEnvironment(ENVIRONMENTS, "s")?.name).toBe("prod");
    expect(nextEnvironment(ENVIRONMENTS, "p")).toBeNull();
    expect(nextEnvironment(ENVIRONMENTS, "unknown")).toBeNull();
  });

  it("refuses skipping, going backwards and promoting out of the last environment", () => {
    expect(checkNextInLine(ENVIRONMENTS, "d", "s").ok).toBe(true);
    expect(checkNextInLine(ENVIRONMENTS, "d", "p")).toMatchObject({
      ok: false,
      refusal: { code: "unprocessable", message: expect.stringContaining("after dev is staging, not prod") },
    });
    expect(checkNextInLine(ENVIRONMENTS, "s", "d").ok).toBe(false);
    expect(checkNextInLine(ENVIRONMENTS, "p", "d")).toMatchObject({
      refusal: { message: expect.stringContaining("last environment") },
    });
  });

  it("always needs at least one approval", () => {
    expect(effectiveRequiredApprovals(0)).toBe(1);
    expect(effectiveRequiredApprovals(2)).toBe(2);
  });
});

describe("reviews", () => {
  it("applies on the last approval when blocking checks pass", () => {
    expect(decideReview(review())).toEqual({ ok: true, nextState: "applied", shouldApply: true, approvals: 1 });
  });

  it("waits for more approvals, then marks approved-not-applied when a blocking check fails", () => {
    expect(decideReview(review({ requiredApprovals: 2 }))).toMatchObject({
      nextState: "open",
      shouldApply: false,
      approvals: 1,
    });
    expect(
      decideReview(review({ requiredApprovals: 2, approvers: ["grace"], hasBlockingFailures: true })),
    ).toMatchObject({
      nextState: "approved",
      shouldApply: false,
      approvals: 2,
    });
  });

  it("refuses the author, viewers and authors, closed requests, second approvals and stale targets", () => {
    expect(decideReview(review({ reviewer: { userId: "author", role: "admin" } }))).toMatchObject({
      refusal: { code: "forbidden" },
    });
    expect(decideReview(review({ reviewer: { userId: "vera", role: "viewer" } }))).toMatchObject({
      refusal: { code: "forbidden" },
    });
    expect(decideReview(review({ reviewer: { userId: "arthur", role: "author" } }))).toMatchObject({
      refusal: { code: "forbidden" },
    });
    for (const state of ["applied", "rejected", "withdrawn"] as const) {
      expect(decideReview(review({ state }))).toMatchObject({
        refusal: { code: "conflict", message: expect.stringContaining(state) },
      });
      expect(decideReview(review({ state, decision: "reject" }))).toMatchObject({ refusal: { code: "conflict" } });
    }
    expect(decideReview(review({ requiredApprovals: 2, approvers: ["alan"] }))).toMatchObject({
      refusal: { code: "conflict", message: expect.stringContaining("already approved") },
    });
    expect(decideReview(review({ isStale: true }))).toMatchObject({
      refusal: { code: "conflict", message: expect.stringContaining("must refresh") },
    });
    expect(decideReview(review({ isNextInLine: false }))).toMatchObject({ refusal: { code: "conflict" } });
    expect(decideReview(review({ state: "approved" }))).toMatchObject({ refusal: { code: "conflict" } });
  });

  it("rejects or requests changes even on a stale request", () => {
    expect(decideReview(review({ decision: "reject", isStale: true }))).toMatchObject({
      ok: true,
      nextState: "rejected",
    });
    expect(decideReview(review({ decision: "request_changes", isStale: true }))).toMatchObject({
      ok: true,
      nextState: "open",
    });
  });

  it("counts one approval per reviewer and only in the current revision", () => {
    const reviews = [
      { reviewerId: "alan", decision: "approve" as const, revision: 1 },
      { reviewerId: "grace", decision: "request_changes" as const, revision: 2 },
      { reviewerId: "grace", decision: "approve" as const, revision: 2 },
      { reviewerId: "grace", decision: "approve" as const, revision: 2 },
    ];
    expect(approversOf(reviews, 2)).toEqual(["grace"]);
    expect(approversOf(reviews, 1)).toEqual(["alan"]);
  });

  it("offers no review buttons to the author or below approver", () => {
    const base = { state: "open" as const, authorId: "author", approvers: [] };
    expect(reviewActionsFor({ ...base, viewer: { userId: "author", role: "approver" } })).toEqual([]);
    expect(reviewActionsFor({ ...base, viewer: { userId: "vera", role: "viewer" } })).toEqual([]);
    expect(reviewActionsFor({ ...base, viewer: { userId: "alan", role: "approver" } })).toEqual([
      "approve",
      "request_changes",
      "reject",
    ]);
    expect(reviewActionsFor({ ...base, approvers: ["alan"], viewer: { userId: "alan", role: "approver" } })).toEqual([
      "request_changes",
      "reject",
    ]);
    expect(reviewActionsFor({ ...base, state: "applied", viewer: { userId: "alan", role: "approver" } })).toEqual([]);
  });
});

describe("withdraw, refresh and apply", () => {
  it("lets only the author withdraw an open request", () => {
    expect(decideWithdraw({ state: "open", number: 1, authorId: "a", actorId: "a" }).ok).toBe(true);
    expect(decideWithdraw({ state: "approved", number: 1, authorId: "a", actorId: "a" }).ok).toBe(true);
    expect(decideWithdraw({ state: "open", number: 1, authorId: "a", actorId: "b" })).toMatchObject({
      refusal: { code: "forbidden" },
    });
    expect(decideWithdraw({ state: "applied", number: 1, authorId: "a", actorId: "a" })).toMatchObject({
      refusal: { code: "conflict" },
    });
  });

  it("lets the author or an approver refresh; a changed target starts a new revision", () => {
    expect(decideRefresh({ state: "open", number: 1, authorId: "a", actor: { userId: "a", role: "author" } }).ok).toBe(
      true,
    );
    expect(
      decideRefresh({ state: "open", number: 1, authorId: "a", actor: { userId: "b", role: "approver" } }).ok,
    ).toBe(true);
    expect(decideRefresh({ state: "open", number: 1, authorId: "a", actor: { userId: "b", role: "author" } }).ok).toBe(
      false,
    );
    expect(
      decideRefresh({ state: "withdrawn", number: 1, authorId: "a", actor: { userId: "a", role: "author" } }).ok,
    ).toBe(false);
    expect(afterRefresh("approved", 3, true)).toEqual({ state: "open", revision: 4 });
    expect(afterRefresh("approved", 3, false)).toEqual({ state: "approved", revision: 3 });
  });

  it("applies an approved request only with its approvals, a fresh target and passing checks", () => {
    const base = {
      state: "approved" as const,
      number: 3,
      authorId: "a",
      actor: { userId: "b", role: "approver" as const },
      approvals: 2,
      requiredApprovals: 2,
      isStale: false,
      isNextInLine: true,
      hasBlockingFailures: false,
    };
    expect(decideApply(base).ok).toBe(true);
    expect(decideApply({ ...base, hasBlockingFailures: true })).toMatchObject({ refusal: { code: "conflict" } });
    expect(decideApply({ ...base, isStale: true })).toMatchObject({ refusal: { code: "conflict" } });
    expect(decideApply({ ...base, approvals: 1 })).toMatchObject({ refusal: { code: "conflict" } });
    expect(decideApply({ ...base, state: "open" })).toMatchObject({ refusal: { code: "conflict" } });
    expect(decideApply({ ...base, actor: { userId: "a", role: "admin" } })).toMatchObject({
      refusal: { code: "forbidden" },
    });
    expect(decideApply({ ...base, actor: { userId: "c", role: "author" } })).toMatchObject({
      refusal: { code: "forbidden" },
    });
  });
});
