import "server-only";

/*
 * Promotion requests: open, review, apply, withdraw, refresh and revert, each one transaction.
 * Every write locks the request row (SELECT ... FOR UPDATE) before deciding, and applying also
 * locks the target environment row, so two approvals arriving together apply a request once and
 * two requests changing the same target are serialised; the second then fails the staleness
 * check. The decisions themselves are pure (lib/promotions/state-machine).
 */

export type { PromotionActor } from "./shared";
export { createPromotionRequest, createRevertRequest } from "./open";
export { reviewPromotionRequest, type ReviewResult } from "./review";
export { applyPromotionRequest } from "./apply";
export { withdrawPromotionRequest } from "./withdraw";
export { refreshPromotionRequest } from "./refresh";
export { countInbox, listPromotionRequests, type PromotionSummary } from "./list";
export { getPromotionRequest, type CheckDetail, type ItemDetail, type PromotionDetail } from "./get";
export {
  listEnvironmentVersions,
  listPromotionCandidates,
  type EnvironmentVersion,
  type PromotionCandidate,
} from "./candidates";
