/*
 * The promotion request lifecycle as pure decisions: who may do what in which state, and what
 * follows. The data layer asks these functions under a row lock and carries out the answer, so
 * every refusal has one wording and one status code.
 *
 *   open --approve (last, checks pass)--> applied
 *   open --approve (last, blocking check fails)--> approved --apply--> applied
 *   open|approved --reject--> rejected;  --withdraw (author)--> withdrawn
 *   open|approved --refresh (target changed)--> open, next revision (earlier approvals lapse)
 */

import { roleAtLeast } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

export const PROMOTION_STATES = ["open", "approved", "applied", "rejected", "withdrawn"] as const;
export type PromotionState = (typeof PROMOTION_STATES)[number];

export const REVIEW_DECISIONS = ["approve", "reject", "request_changes"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export type WorkspaceRole = Role;

export function isClosed(state: PromotionState): boolean {
  return state === "applied" || state === "rejected" || state === "withdrawn";
}

export interface Refusal {
  code: "forbidden" | "conflict" | "unprocessable";
  message: string;
}

export type Decision<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal };

function refuse(code: Refusal["code"], message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { code, message } };
}

export interface EnvironmentStep {
  id: string;
  name: string;
  position: number;
}

/** The environment after `sourceId` in the workspace's order, or null for the last one. */
export function nextEnvironment<E extends EnvironmentStep>(environments: readonly E[], sourceId: string): E | null {
  const ordered = [...environments].sort((a, b) => a.position - b.position);
  const index = ordered.findIndex((environment) => environment.id === sourceId);
  return index < 0 ? null : (ordered[index + 1] ?? null);
}

export function checkNextInLine(
  environments: readonly EnvironmentStep[],
  sourceId: string,
  targetId: string,
): Decision<object> {
  const source = environments.find((environment) => environment.id === sourceId);
  const target = environments.find((environment) => environment.id === targetId);
  if (!source || !target) return refuse("unprocessable", "Unknown source or target environment.");
  const next = nextEnvironment(environments, sourceId);
  if (!next) return refuse("unprocessable", `${source.name} is the last environment; there is nothing to promote to.`);
  if (next.id !== targetId) {
    return refuse(
      "unprocessable",
      `Promotions move one step at a time: the environment after ${source.name} is ${next.name}, not ${target.name}.`,
    );
  }
  return { ok: true };
}

/** Four eyes: a target needs at least one approval, whatever is configured. */
export function effectiveRequiredApprovals(configured: number): number {
  return Math.max(1, Math.floor(configured));
}

export interface ReviewRecord {
  reviewerId: string;
  decision: ReviewDecision;
  revision: number;
}

/** Distinct reviewers who approved the given revision, in review order. */
export function approversOf(reviews: readonly ReviewRecord[], revision: number): string[] {
  const approvers: string[] = [];
  for (const review of reviews) {
    if (review.revision === revision && review.decision === "approve" && !approvers.includes(review.reviewerId)) {
      approvers.push(review.reviewerId);
    }
  }
  return approvers;
}

export interface ReviewContext {
  state: PromotionState;
  number: number;
  authorId: string;
  reviewer: { userId: string; role: WorkspaceRole };
  decision: ReviewDecision;
  /** Reviewers who approved the current revision before this review. */
  approvers: readonly string[];
  requiredApprovals: number;
  /** The target changed since the request was opened or last refreshed. */
  isStale: boolean;
  /** The target is still the environment right after the source. */
  isNextInLine: boolean;
  hasBlockingFailures: boolean;
}

export type ReviewOutcome = Decision<{ nextState: PromotionState; shouldApply: boolean; approvals: number }>;

export function decideReview(context: ReviewContext): ReviewOutcome {
  const { state, decision, reviewer } = context;
  if (!roleAtLeast(reviewer.role, "approver")) {
    return refuse("forbidden", "Only approvers and admins review promotion requests.");
  }
  if (isClosed(state)) {
    return refuse("conflict", `Request #${context.number} is ${state}; it can no longer be reviewed.`);
  }
  if (reviewer.userId === context.authorId) {
    return refuse("forbidden", "You cannot review your own promotion request; another approver has to.");
  }
  const required = effectiveRequiredApprovals(context.requiredApprovals);
  const approvals = context.approvers.length;
  if (decision === "reject") return { ok: true, nextState: "rejected", shouldApply: false, approvals };
  if (decision === "request_changes") return { ok: true, nextState: state, shouldApply: false, approvals };

  if (context.approvers.includes(reviewer.userId)) {
    return refuse("conflict", `You already approved request #${context.number}.`);
  }
  if (state === "approved") {
    return refuse(
      "conflict",
      `Request #${context.number} already has its ${required} approval${required === 1 ? "" : "s"}; it waits for its blocking checks to pass.`,
    );
  }
  if (context.isStale) {
    return refuse(
      "conflict",
      `What is active in the target changed after request #${context.number} was opened or refreshed. The author must refresh it (diff and checks are recomputed) before it can be approved.`,
    );
  }
  if (!context.isNextInLine) {
    return refuse("conflict", "The environment order changed since this request was opened; open a new request.");
  }
  const after = approvals + 1;
  if (after < required) return { ok: true, nextState: "open", shouldApply: false, approvals: after };
  if (context.hasBlockingFailures) return { ok: true, nextState: "approved", shouldApply: false, approvals: after };
  return { ok: true, nextState: "applied", shouldApply: true, approvals: after };
}

export interface ApplyContext {
  state: PromotionState;
  number: number;
  authorId: string;
  actor: { userId: string; role: WorkspaceRole };
  approvals: number;
  requiredApprovals: number;
  isStale: boolean;
  isNextInLine: boolean;
  hasBlockingFailures: boolean;
}

/** Applying an approved request whose blocking checks failed at approval time and now pass. */
export function decideApply(context: ApplyContext): Decision<object> {
  if (!roleAtLeast(context.actor.role, "approver")) {
    return refuse("forbidden", "Only approvers and admins apply promotion requests.");
  }
  if (context.actor.userId === context.authorId) {
    return refuse("forbidden", "You cannot apply your own promotion request; an approver has to.");
  }
  if (context.state !== "approved") {
    return refuse(
      "conflict",
      context.state === "open"
        ? `Request #${context.number} does not have its approvals yet.`
        : `Request #${context.number} is ${context.state}; it can no longer be applied.`,
    );
  }
  if (context.approvals < effectiveRequiredApprovals(context.requiredApprovals)) {
    return refuse("conflict", `Request #${context.number} does not have its approvals yet.`);
  }
  if (context.isStale) {
    return refuse(
      "conflict",
      `The target changed after request #${context.number} was refreshed; the author must refresh it.`,
    );
  }
  if (!context.isNextInLine) {
    return refuse("conflict", "The environment order changed since this request was opened; open a new request.");
  }
  if (context.hasBlockingFailures) {
    return refuse("conflict", `Blocking checks of request #${context.number} fail; it cannot be applied.`);
  }
  return { ok: true };
}

export function decideWithdraw(context: {
  state: PromotionState;
  number: number;
  authorId: string;
  actorId: string;
}): Decision<object> {
  if (context.actorId !== context.authorId) {
    return refuse("forbidden", "Only the author can withdraw a promotion request.");
  }
  if (isClosed(context.state)) {
    return refuse("conflict", `Request #${context.number} is ${context.state}; it can no longer be withdrawn.`);
  }
  return { ok: true };
}

export function decideRefresh(context: {
  state: PromotionState;
  number: number;
  authorId: string;
  actor: { userId: string; role: WorkspaceRole };
}): Decision<object> {
  const isAuthor = context.actor.userId === context.authorId;
  if (!isAuthor && !roleAtLeast(context.actor.role, "approver")) {
    return refuse("forbidden", "Only the author or an approver can refresh a promotion request.");
  }
  if (isClosed(context.state)) {
    return refuse("conflict", `Request #${context.number} is ${context.state}; there is nothing to refresh.`);
  }
  return { ok: true };
}

/** What a refresh does to the request: a changed target starts a new revision, back to open. */
export function afterRefresh(state: PromotionState, revision: number, targetChanged: boolean) {
  return targetChanged ? { state: "open" as const, revision: revision + 1 } : { state, revision };
}

/** Reviewer actions the UI offers; the server decides again on submit. */
export function reviewActionsFor(context: {
  state: PromotionState;
  authorId: string;
  viewer: { userId: string; role: WorkspaceRole };
  approvers: readonly string[];
}): ReviewDecision[] {
  if (isClosed(context.state)) return [];
  if (!roleAtLeast(context.viewer.role, "approver")) return [];
  if (context.viewer.userId === context.authorId) return [];
  const canApprove = context.state === "open" && !context.approvers.includes(context.viewer.userId);
  return canApprove ? ["approve", "request_changes", "reject"] : ["request_changes", "reject"];
}
