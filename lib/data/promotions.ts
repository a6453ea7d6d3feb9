import "server-only";
import { recordAudit } from "@/lib/data/audit";
import {
  loadActiveDefinitions,
  runPromotionChecks,
  storeChecks,
  checkLabel,
  type Client,
} from "@/lib/data/promotion-checks";
import { roleAtLeast } from "@/lib/data/users";
import type { Db, Prisma } from "@/lib/db";
import { canonicalDefinition, diffDefinitions, type FieldChange } from "@/lib/definitions/diff";
import { DEFINITION_KINDS, type DefinitionKind, type FeatureViewDefinition } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { hasBlockingFailure, stateAfter, type CheckStatus, type DefinitionRef } from "@/lib/promotions/checks";
import { impactInTarget, type ItemImpact } from "@/lib/promotions/impact";
import { targetSnapshotHash } from "@/lib/promotions/snapshot";
import {
  afterRefresh,
  approversOf,
  checkNextInLine,
  decideApply,
  decideRefresh,
  decideReview,
  decideWithdraw,
  effectiveRequiredApprovals,
  isClosed,
  nextEnvironment,
  reviewActionsFor,
  type Decision,
  type PromotionState,
  type ReviewDecision,
} from "@/lib/promotions/state-machine";
import type { PromotionInput, PromotionListQuery } from "@/lib/validations/promotions";

/*
 * Promotion requests: open, review, apply, withdraw, refresh and revert, each one transaction.
 * Every write locks the request row (SELECT ... FOR UPDATE) before deciding, and applying also
 * locks the target environment row, so two approvals arriving together apply a request once and
 * two requests changing the same target are serialised; the second then fails the staleness
 * check. The decisions themselves are pure (lib/promotions/state-machine).
 */

export interface PromotionActor {
  userId: string;
  role: Role;
}

type Tx = Prisma.TransactionClient;

// Concurrent approvals queue on the request lock; give them time rather than failing fast.
const TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 };
const PAGE_SIZE = 25;
const KIND_ORDER = new Map<string, number>(DEFINITION_KINDS.map((kind, index) => [kind, index]));

interface EnvironmentRow {
  id: string;
  name: string;
  position: number;
  requiredApprovals: number;
  blockOnHealth: boolean;
}

async function loadEnvironments(client: Client, workspaceId: string): Promise<EnvironmentRow[]> {
  return client.environment.findMany({
    where: { workspaceId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, requiredApprovals: true, blockOnHealth: true },
  });
}

function environmentById(environments: readonly EnvironmentRow[], id: string): EnvironmentRow {
  const environment = environments.find((candidate) => candidate.id === id);
  if (!environment) throw new AppError("conflict", "An environment of this request no longer exists.");
  return environment;
}

function throwRefusal(decision: Decision<object>): void {
  if (!decision.ok) throw new AppError(decision.refusal.code, decision.refusal.message);
}

async function usersById(client: Client, ids: Iterable<string | null | undefined>) {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map<string, { id: string; name: string; email: string }>();
  const users = await client.user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((user) => [user.id, user]));
}

/** The versions active in `environmentId` for these objects, and their fingerprint. */
async function targetSnapshot(
  client: Client,
  environmentId: string,
  items: ReadonlyArray<{ objectKind: string; objectId: string }>,
) {
  const rows = await client.activeVersion.findMany({
    where: { environmentId, objectId: { in: items.map((item) => item.objectId) } },
    select: { objectKind: true, objectId: true, versionId: true },
  });
  const active = new Map(rows.map((row) => [`${row.objectKind}:${row.objectId}`, row.versionId]));
  const entries = items.map((item) => ({
    kind: item.objectKind,
    objectId: item.objectId,
    versionId: active.get(`${item.objectKind}:${item.objectId}`) ?? null,
  }));
  return { hash: targetSnapshotHash(entries), active };
}

const requestSelect = {
  id: true,
  workspaceId: true,
  number: true,
  title: true,
  description: true,
  state: true,
  authorId: true,
  sourceEnvironmentId: true,
  targetEnvironmentId: true,
  targetSnapshotHash: true,
  revision: true,
  revertsRequestId: true,
  createdAt: true,
  updatedAt: true,
  closedAt: true,
  items: { select: { id: true, objectKind: true, objectId: true, versionId: true, previousVersionId: true } },
  reviews: {
    select: { id: true, reviewerId: true, decision: true, comment: true, revision: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} as const satisfies Prisma.PromotionRequestSelect;

type LockedRequest = Prisma.PromotionRequestGetPayload<{ select: typeof requestSelect }>;

/** Locks the request row for the rest of the transaction, then reads it. */
async function lockRequest(tx: Tx, workspaceId: string, number: number): Promise<LockedRequest> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM promotion_request WHERE workspace_id = ${workspaceId} AND number = ${number} FOR UPDATE`;
  const id = locked[0]?.id;
  if (!id) throw new AppError("not_found", `No promotion request #${number} in this workspace.`);
  return tx.promotionRequest.findUniqueOrThrow({ where: { id }, select: requestSelect });
}

async function lockEnvironment(tx: Tx, environmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM environment WHERE id = ${environmentId} FOR UPDATE`;
}

function requestLabel(request: { number: number; title: string }): string {
  return `#${request.number} ${request.title}`;
}

// ---------------------------------------------------------------- opening

interface ResolvedItem {
  kind: DefinitionKind;
  objectId: string;
  versionId: string;
}

async function openRequest(
  tx: Tx,
  input: {
    workspaceId: string;
    source: EnvironmentRow;
    target: EnvironmentRow;
    title: string;
    description: string;
    items: ResolvedItem[];
    revertsRequestId?: string;
    actor: PromotionActor;
    now: Date;
  },
) {
  // One opener at a time per workspace, so request numbers never collide.
  await tx.$queryRaw`SELECT id FROM workspace WHERE id = ${input.workspaceId} FOR UPDATE`;
  const last = await tx.promotionRequest.aggregate({
    where: { workspaceId: input.workspaceId },
    _max: { number: true },
  });
  const number = (last._max.number ?? 0) + 1;
  const snapshot = await targetSnapshot(
    tx,
    input.target.id,
    input.items.map((item) => ({ objectKind: item.kind, objectId: item.objectId })),
  );
  const request = await tx.promotionRequest.create({
    data: {
      workspaceId: input.workspaceId,
      number,
      title: input.title,
      description: input.description,
      sourceEnvironmentId: input.source.id,
      targetEnvironmentId: input.target.id,
      authorId: input.actor.userId,
      targetSnapshotHash: snapshot.hash,
      revertsRequestId: input.revertsRequestId ?? null,
      createdAt: input.now,
      updatedAt: input.now,
      items: {
        create: input.items.map((item) => ({
          objectKind: item.kind,
          objectId: item.objectId,
          versionId: item.versionId,
        })),
      },
    },
    select: { id: true, number: true },
  });
  const run = await runPromotionChecks(tx, {
    items: input.items,
    source: input.source,
    target: input.target,
    now: input.now,
  });
  await storeChecks(tx, request.id, run.results);
  await recordAudit(tx, {
    workspaceId: input.workspaceId,
    actor: { userId: input.actor.userId },
    action: "promotion.open",
    objectKind: "promotion_request",
    objectId: request.id,
    objectName: requestLabel({ number, title: input.title }),
    after: {
      number,
      title: input.title,
      source: input.source.name,
      target: input.target.name,
      items: run.items.map((item) => ({ kind: item.kind, objectId: item.objectId, name: item.name })),
      ...(input.revertsRequestId ? { revertsRequestId: input.revertsRequestId } : {}),
    },
  });
  return request;
}

/** Opens a request to promote what is active in the source to the next environment. */
export async function createPromotionRequest(
  prisma: Db,
  input: PromotionInput & { workspaceId: string },
  actor: PromotionActor,
  options: { now?: Date } = {},
): Promise<{ id: string; number: number }> {
  if (!roleAtLeast(actor.role, "author")) {
    throw new AppError("forbidden", "Only authors, approvers and admins open promotion requests.");
  }
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const environments = await loadEnvironments(tx, input.workspaceId);
    const source = environments.find((environment) => environment.name === input.sourceEnvironment);
    if (!source) {
      throw new AppError("unprocessable", `No environment named ${input.sourceEnvironment}.`, {
        fields: [{ path: "sourceEnvironment", message: "Unknown environment" }],
      });
    }
    const target = input.targetEnvironment
      ? environments.find((environment) => environment.name === input.targetEnvironment)
      : nextEnvironment(environments, source.id);
    if (!target) {
      throw new AppError(
        "unprocessable",
        input.targetEnvironment
          ? `No environment named ${input.targetEnvironment}.`
          : `${source.name} is the last environment.`,
        { fields: [{ path: "targetEnvironment", message: "No such next environment" }] },
      );
    }
    const inLine = checkNextInLine(environments, source.id, target.id);
    if (!inLine.ok) {
      throw new AppError("unprocessable", inLine.refusal.message, {
        fields: [{ path: "targetEnvironment", message: inLine.refusal.message }],
      });
    }

    const activeInSource = await loadActiveDefinitions(tx, source.id);
    const snapshot = await targetSnapshot(
      tx,
      target.id,
      activeInSource.map((ref) => ({ objectKind: ref.kind, objectId: ref.objectId })),
    );
    const items: ResolvedItem[] = [];
    const seen = new Set<string>();
    for (const [index, wanted] of input.items.entries()) {
      const found = activeInSource.find(
        (ref) =>
          ref.kind === wanted.kind && (wanted.objectId ? ref.objectId === wanted.objectId : ref.name === wanted.name),
      );
      const label = wanted.name ?? wanted.objectId ?? "";
      if (!found) {
        throw new AppError(
          "unprocessable",
          `No ${wanted.kind.replace("_", " ")} ${label} is active in ${source.name}.`,
          {
            fields: [{ path: `items[${index}]`, message: `Not active in ${source.name}` }],
          },
        );
      }
      const key = `${found.kind}:${found.objectId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (snapshot.active.get(key) === found.versionId) {
        throw new AppError(
          "unprocessable",
          `${found.name} v${found.versionNumber} is already active in ${target.name}.`,
          {
            fields: [{ path: `items[${index}]`, message: `Already active in ${target.name}` }],
          },
        );
      }
      items.push({ kind: found.kind, objectId: found.objectId, versionId: found.versionId });
    }
    return openRequest(tx, {
      workspaceId: input.workspaceId,
      source,
      target,
      title: input.title,
      description: input.description,
      items,
      actor,
      now,
    });
  }, TX_OPTIONS);
}

/** Opens a request that re-activates, in the target, the versions an applied request replaced. */
export async function createRevertRequest(
  prisma: Db,
  input: { workspaceId: string; number: number; description?: string },
  actor: PromotionActor,
  options: { now?: Date } = {},
): Promise<{ id: string; number: number }> {
  if (!roleAtLeast(actor.role, "author")) {
    throw new AppError("forbidden", "Only authors, approvers and admins open promotion requests.");
  }
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const original = await tx.promotionRequest.findUnique({
      where: { workspaceId_number: { workspaceId: input.workspaceId, number: input.number } },
      select: {
        id: true,
        number: true,
        title: true,
        state: true,
        sourceEnvironmentId: true,
        targetEnvironmentId: true,
        items: true,
      },
    });
    if (!original) throw new AppError("not_found", `No promotion request #${input.number} in this workspace.`);
    if (original.state !== "applied") {
      throw new AppError(
        "conflict",
        `Request #${original.number} is ${original.state}; only an applied request can be reverted.`,
      );
    }
    const items = original.items
      .filter((item) => item.previousVersionId !== null)
      .map((item) => ({
        kind: item.objectKind as DefinitionKind,
        objectId: item.objectId,
        versionId: item.previousVersionId!,
      }));
    if (items.length === 0) {
      throw new AppError(
        "unprocessable",
        `Every object of request #${original.number} was new in the target; there is no previous version to re-activate.`,
      );
    }
    const environments = await loadEnvironments(tx, input.workspaceId);
    const skipped = original.items.length - items.length;
    const description =
      input.description ??
      `Re-activates the versions that request #${original.number} replaced.` +
        (skipped > 0
          ? ` ${skipped} object${skipped === 1 ? " was" : "s were"} new in the target and stay${skipped === 1 ? "s" : ""} active.`
          : "");
    return openRequest(tx, {
      workspaceId: input.workspaceId,
      source: environmentById(environments, original.sourceEnvironmentId),
      target: environmentById(environments, original.targetEnvironmentId),
      title: `Revert #${original.number}: ${original.title}`.slice(0, 200),
      description,
      items,
      revertsRequestId: original.id,
      actor,
      now,
    });
  }, TX_OPTIONS);
}

// ---------------------------------------------------------------- applying

async function applyItems(tx: Tx, request: LockedRequest, target: EnvironmentRow, actor: PromotionActor, now: Date) {
  const versions = await tx.definitionVersion.findMany({
    where: { id: { in: request.items.flatMap((item) => [item.versionId, item.previousVersionId ?? item.versionId]) } },
    select: { id: true, number: true, objectName: true },
  });
  const current = await tx.activeVersion.findMany({
    where: { environmentId: target.id, objectId: { in: request.items.map((item) => item.objectId) } },
    select: { objectKind: true, objectId: true, versionId: true },
  });
  const currentVersions = await tx.definitionVersion.findMany({
    where: { id: { in: current.map((row) => row.versionId) } },
    select: { id: true, number: true, objectName: true },
  });
  const versionById = new Map([...versions, ...currentVersions].map((version) => [version.id, version]));
  const currentByObject = new Map(current.map((row) => [`${row.objectKind}:${row.objectId}`, row.versionId]));

  for (const item of request.items) {
    const previousId = currentByObject.get(`${item.objectKind}:${item.objectId}`) ?? null;
    const key = { environmentId: target.id, objectKind: item.objectKind, objectId: item.objectId };
    const pin = {
      versionId: item.versionId,
      activatedAt: now,
      activatedById: actor.userId,
      promotionRequestId: request.id,
    };
    await tx.activeVersion.upsert({
      where: { environmentId_objectKind_objectId: key },
      create: { ...key, ...pin },
      update: pin,
    });
    await tx.promotionItem.update({ where: { id: item.id }, data: { previousVersionId: previousId } });
    const version = versionById.get(item.versionId);
    const previous = previousId ? versionById.get(previousId) : undefined;
    await recordAudit(tx, {
      workspaceId: request.workspaceId,
      actor: { userId: actor.userId },
      action: "version.activate",
      objectKind: item.objectKind,
      objectId: item.objectId,
      objectName: version?.objectName ?? item.objectId,
      before: previousId
        ? { environment: target.name, versionId: previousId, version: previous?.number ?? null }
        : null,
      after: {
        environment: target.name,
        versionId: item.versionId,
        version: version?.number ?? null,
        promotionRequest: request.number,
      },
    });
  }
  await recordAudit(tx, {
    workspaceId: request.workspaceId,
    actor: { userId: actor.userId },
    action: "promotion.apply",
    objectKind: "promotion_request",
    objectId: request.id,
    objectName: requestLabel(request),
    before: { state: request.state },
    after: { state: "applied", target: target.name, items: request.items.length },
  });
}

async function setState(
  tx: Tx,
  request: LockedRequest,
  state: PromotionState,
  now: Date,
  extra: Prisma.PromotionRequestUpdateInput = {},
) {
  await tx.promotionRequest.update({
    where: { id: request.id },
    data: { state, updatedAt: now, ...(isClosed(state) ? { closedAt: now } : {}), ...extra },
  });
}

// ---------------------------------------------------------------- reviewing

export interface ReviewResult {
  state: PromotionState;
  approvals: number;
  requiredApprovals: number;
  applied: boolean;
}

export async function reviewPromotionRequest(
  prisma: Db,
  input: { workspaceId: string; number: number; decision: ReviewDecision; comment?: string },
  actor: PromotionActor,
  options: { now?: Date } = {},
): Promise<ReviewResult> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const request = await lockRequest(tx, input.workspaceId, input.number);
    const environments = await loadEnvironments(tx, input.workspaceId);
    const target = environmentById(environments, request.targetEnvironmentId);
    const source = environmentById(environments, request.sourceEnvironmentId);
    if (input.decision === "approve") await lockEnvironment(tx, target.id);
    const snapshot = await targetSnapshot(tx, target.id, request.items);
    const context = {
      state: request.state,
      number: request.number,
      authorId: request.authorId,
      reviewer: actor,
      decision: input.decision,
      approvers: approversOf(request.reviews, request.revision),
      requiredApprovals: target.requiredApprovals,
      isStale: snapshot.hash !== request.targetSnapshotHash,
      isNextInLine: checkNextInLine(environments, source.id, target.id).ok,
      hasBlockingFailures: false,
    };
    let outcome = decideReview(context);
    if (!outcome.ok) throw new AppError(outcome.refusal.code, outcome.refusal.message);
    if (outcome.nextState === "applied") {
      // The approval that completes the count re-runs the checks against the target as it is now.
      const run = await runPromotionChecks(tx, {
        items: request.items.map((item) => ({
          kind: item.objectKind as DefinitionKind,
          objectId: item.objectId,
          versionId: item.versionId,
        })),
        source,
        target,
        now,
      });
      await storeChecks(tx, request.id, run.results);
      outcome = decideReview({ ...context, hasBlockingFailures: hasBlockingFailure(run.results) });
      if (!outcome.ok) throw new AppError(outcome.refusal.code, outcome.refusal.message);
    }
    await tx.promotionReview.create({
      data: {
        requestId: request.id,
        reviewerId: actor.userId,
        decision: input.decision,
        comment: input.comment ?? "",
        revision: request.revision,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: { userId: actor.userId },
      action: `promotion.review.${input.decision}`,
      objectKind: "promotion_request",
      objectId: request.id,
      objectName: requestLabel(request),
      before: { state: request.state, approvals: context.approvers.length },
      after: { state: outcome.nextState, approvals: outcome.approvals, comment: input.comment ?? "" },
    });
    if (outcome.shouldApply) await applyItems(tx, request, target, actor, now);
    await setState(tx, request, outcome.nextState, now);
    return {
      state: outcome.nextState,
      approvals: outcome.approvals,
      requiredApprovals: effectiveRequiredApprovals(target.requiredApprovals),
      applied: outcome.shouldApply,
    };
  }, TX_OPTIONS);
}

/** Applies an approved request whose blocking checks failed when it was approved and pass now. */
export async function applyPromotionRequest(
  prisma: Db,
  input: { workspaceId: string; number: number },
  actor: PromotionActor,
  options: { now?: Date } = {},
): Promise<ReviewResult> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const request = await lockRequest(tx, input.workspaceId, input.number);
    const environments = await loadEnvironments(tx, input.workspaceId);
    const target = environmentById(environments, request.targetEnvironmentId);
    const source = environmentById(environments, request.sourceEnvironmentId);
    await lockEnvironment(tx, target.id);
    const snapshot = await targetSnapshot(tx, target.id, request.items);
    const approvals = approversOf(request.reviews, request.revision).length;
    const base = {
      state: request.state,
      number: request.number,
      authorId: request.authorId,
      actor,
      approvals,
      requiredApprovals: target.requiredApprovals,
      isStale: snapshot.hash !== request.targetSnapshotHash,
      isNextInLine: checkNextInLine(environments, source.id, target.id).ok,
    };
    throwRefusal(decideApply({ ...base, hasBlockingFailures: false }));
    const run = await runPromotionChecks(tx, {
      items: request.items.map((item) => ({
        kind: item.objectKind as DefinitionKind,
        objectId: item.objectId,
        versionId: item.versionId,
      })),
      source,
      target,
      now,
    });
    const blocked = hasBlockingFailure(run.results);
    if (blocked) {
      // Refuse without writing: the caller sees the failing checks by refreshing the request.
      throwRefusal(decideApply({ ...base, hasBlockingFailures: true }));
    }
    await storeChecks(tx, request.id, run.results);
    await applyItems(tx, request, target, actor, now);
    await setState(tx, request, "applied", now);
    return {
      state: "applied",
      approvals,
      requiredApprovals: effectiveRequiredApprovals(target.requiredApprovals),
      applied: true,
    };
  }, TX_OPTIONS);
}

export async function withdrawPromotionRequest(
  prisma: Db,
  input: { workspaceId: string; number: number },
  actor: PromotionActor,
  options: { now?: Date } = {},
): Promise<{ state: PromotionState }> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const request = await lockRequest(tx, input.workspaceId, input.number);
    throwRefusal(
      decideWithdraw({
        state: request.state,
        number: request.number,
        authorId: request.authorId,
        actorId: actor.userId,
      }),
    );
    await setState(tx, request, "withdrawn", now);
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: { userId: actor.userId },
      action: "promotion.withdraw",
      objectKind: "promotion_request",
      objectId: request.id,
      objectName: requestLabel(request),
      before: { state: request.state },
      after: { state: "withdrawn" },
    });
    return { state: "withdrawn" as const };
  }, TX_OPTIONS);
}

/** Recomputes the target snapshot and re-runs the checks; a changed target starts a new revision. */
export async function refreshPromotionRequest(
  prisma: Db,
  input: { workspaceId: string; number: number },
  actor: PromotionActor,
  options: { now?: Date } = {},
): Promise<{ state: PromotionState; revision: number; targetChanged: boolean }> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const request = await lockRequest(tx, input.workspaceId, input.number);
    throwRefusal(decideRefresh({ state: request.state, number: request.number, authorId: request.authorId, actor }));
    const environments = await loadEnvironments(tx, input.workspaceId);
    const target = environmentById(environments, request.targetEnvironmentId);
    const source = environmentById(environments, request.sourceEnvironmentId);
    const snapshot = await targetSnapshot(tx, target.id, request.items);
    const targetChanged = snapshot.hash !== request.targetSnapshotHash;
    const next = afterRefresh(request.state, request.revision, targetChanged);
    const run = await runPromotionChecks(tx, {
      items: request.items.map((item) => ({
        kind: item.objectKind as DefinitionKind,
        objectId: item.objectId,
        versionId: item.versionId,
      })),
      source,
      target,
      now,
    });
    await storeChecks(tx, request.id, run.results);
    await setState(tx, request, next.state, now, { revision: next.revision, targetSnapshotHash: snapshot.hash });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: { userId: actor.userId },
      action: "promotion.refresh",
      objectKind: "promotion_request",
      objectId: request.id,
      objectName: requestLabel(request),
      before: { state: request.state, revision: request.revision, targetSnapshotHash: request.targetSnapshotHash },
      after: {
        state: next.state,
        revision: next.revision,
        targetSnapshotHash: snapshot.hash,
        checks: Object.fromEntries(run.results.map((result) => [result.name, result.status])),
      },
    });
    return { state: next.state, revision: next.revision, targetChanged };
  }, TX_OPTIONS);
}

// ---------------------------------------------------------------- reading

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

export interface ItemDetail {
  kind: DefinitionKind;
  objectId: string;
  name: string;
  version: { id: string; number: number; message: string; createdAt: Date; author: string | null };
  /** What the diff is against: the version active in the target now (before it for applied requests). */
  baseVersion: { id: string; number: number } | null;
  targetVersion: { id: string; number: number } | null;
  previousVersion: { id: string; number: number } | null;
  changes: FieldChange[];
  code: { language: string; before: string; after: string } | null;
}

export interface CheckDetail {
  name: string;
  label: string;
  status: CheckStatus;
  blocking: boolean;
  message: string;
  details: { problems?: Array<{ object: string; message: string; severity: string; path?: string }> };
  createdAt: Date;
}

export interface PromotionDetail extends PromotionSummary {
  description: string;
  revision: number;
  closedAt: Date | null;
  isStale: boolean;
  hasBlockingFailures: boolean;
  revertsRequestNumber: number | null;
  revertedByNumbers: number[];
  items: ItemDetail[];
  impact: ItemImpact[];
  checks: CheckDetail[];
  reviews: Array<{
    id: string;
    reviewer: { id: string; name: string; email: string } | null;
    decision: ReviewDecision;
    comment: string;
    revision: number;
    createdAt: Date;
  }>;
  approvers: string[];
  actions: {
    review: ReviewDecision[];
    canWithdraw: boolean;
    canRefresh: boolean;
    canApply: boolean;
    canRevert: boolean;
  };
}

function codeOf(kind: DefinitionKind, definition: unknown): { language: string; code: string } | null {
  if (kind !== "feature_view" || definition === null || definition === undefined) return null;
  const view = canonicalDefinition("feature_view", definition) as FeatureViewDefinition;
  return view.transformation ? { language: view.transformation.language, code: view.transformation.code } : null;
}

export async function getPromotionRequest(
  prisma: Db,
  input: { workspaceId: string; number: number; viewer: PromotionActor },
): Promise<PromotionDetail | null> {
  const request = await prisma.promotionRequest.findUnique({
    where: { workspaceId_number: { workspaceId: input.workspaceId, number: input.number } },
    select: {
      ...requestSelect,
      checks: { select: { name: true, status: true, blocking: true, message: true, details: true, createdAt: true } },
    },
  });
  if (!request) return null;
  const [environments, versions, reverts, revertedBy] = await Promise.all([
    loadEnvironments(prisma, input.workspaceId),
    prisma.definitionVersion.findMany({
      where: {
        id: {
          in: request.items.flatMap((item) =>
            item.previousVersionId ? [item.versionId, item.previousVersionId] : [item.versionId],
          ),
        },
      },
      select: {
        id: true,
        objectKind: true,
        objectId: true,
        objectName: true,
        number: true,
        message: true,
        createdAt: true,
        definition: true,
        authorId: true,
      },
    }),
    request.revertsRequestId
      ? prisma.promotionRequest.findUnique({ where: { id: request.revertsRequestId }, select: { number: true } })
      : null,
    prisma.promotionRequest.findMany({
      where: { revertsRequestId: request.id },
      select: { number: true },
      orderBy: { number: "asc" },
    }),
  ]);
  const target = environmentById(environments, request.targetEnvironmentId);
  const source = environmentById(environments, request.sourceEnvironmentId);
  const [targetDefinitions, users] = await Promise.all([
    loadActiveDefinitions(prisma, target.id),
    usersById(prisma, [
      request.authorId,
      ...request.reviews.map((review) => review.reviewerId),
      ...versions.map((version) => version.authorId),
    ]),
  ]);
  const targetByObject = new Map(targetDefinitions.map((ref) => [`${ref.kind}:${ref.objectId}`, ref]));
  const versionById = new Map(versions.map((version) => [version.id, version]));
  const isApplied = request.state === "applied";

  const items: ItemDetail[] = [];
  const requested: DefinitionRef[] = [];
  for (const item of request.items) {
    const version = versionById.get(item.versionId);
    if (!version) continue;
    const kind = item.objectKind as DefinitionKind;
    const active = targetByObject.get(`${kind}:${item.objectId}`) ?? null;
    const previous = item.previousVersionId ? (versionById.get(item.previousVersionId) ?? null) : null;
    // An applied request is shown against what it replaced; anything else against the target now.
    const base = isApplied
      ? previous
        ? { id: previous.id, number: previous.number, definition: previous.definition }
        : null
      : active
        ? { id: active.versionId, number: active.versionNumber, definition: active.definition }
        : null;
    const before = base ? canonicalDefinition(kind, base.definition) : undefined;
    const after = canonicalDefinition(kind, version.definition);
    const beforeCode = base ? codeOf(kind, base.definition) : null;
    const afterCode = codeOf(kind, version.definition);
    items.push({
      kind,
      objectId: item.objectId,
      name: version.objectName,
      version: {
        id: version.id,
        number: version.number,
        message: version.message,
        createdAt: version.createdAt,
        author: version.authorId ? (users.get(version.authorId)?.name ?? null) : null,
      },
      baseVersion: base ? { id: base.id, number: base.number } : null,
      targetVersion: active ? { id: active.versionId, number: active.versionNumber } : null,
      previousVersion: previous ? { id: previous.id, number: previous.number } : null,
      changes: diffDefinitions(before, after),
      code:
        beforeCode || afterCode
          ? {
              language: afterCode?.language ?? beforeCode?.language ?? "sql",
              before: beforeCode?.code ?? "",
              after: afterCode?.code ?? "",
            }
          : null,
    });
    requested.push({ kind, objectId: item.objectId, name: version.objectName, definition: version.definition });
  }
  items.sort((a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || a.name.localeCompare(b.name));

  const impact = impactInTarget(requested, targetDefinitions, stateAfter(targetDefinitions, requested));
  const snapshot = await targetSnapshot(prisma, target.id, request.items);
  const approvers = approversOf(request.reviews, request.revision);
  const open = !isClosed(request.state);
  const isStale = open && snapshot.hash !== request.targetSnapshotHash;
  const checks: CheckDetail[] = request.checks
    .map((check) => ({
      name: check.name,
      label: checkLabel(check.name),
      status: check.status,
      blocking: check.blocking,
      message: check.message,
      details: (check.details ?? {}) as CheckDetail["details"],
      createdAt: check.createdAt,
    }))
    .sort((a, b) => CHECK_ORDER.indexOf(a.name) - CHECK_ORDER.indexOf(b.name));
  const hasBlockingFailures = hasBlockingFailure(checks);
  const viewer = input.viewer;
  const isAuthor = viewer.userId === request.authorId;
  const requiredApprovals = effectiveRequiredApprovals(target.requiredApprovals);

  return {
    id: request.id,
    number: request.number,
    title: request.title,
    description: request.description,
    state: request.state,
    source: source.name,
    target: target.name,
    author: users.get(request.authorId) ?? null,
    itemCount: request.items.length,
    objects: items.map((item) => `${item.name} v${item.version.number}`),
    approvals: approvers.length,
    requiredApprovals,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    closedAt: request.closedAt,
    revision: request.revision,
    isStale,
    hasBlockingFailures,
    revertsRequestNumber: reverts?.number ?? null,
    revertedByNumbers: revertedBy.map((row) => row.number),
    items,
    impact,
    checks,
    reviews: request.reviews.map((review) => ({
      id: review.id,
      reviewer: users.get(review.reviewerId) ?? null,
      decision: review.decision,
      comment: review.comment,
      revision: review.revision,
      createdAt: review.createdAt,
    })),
    approvers: approvers.map((id) => users.get(id)?.name ?? id),
    actions: {
      review: reviewActionsFor({ state: request.state, authorId: request.authorId, viewer, approvers }),
      canWithdraw: open && isAuthor,
      canRefresh: open && (isAuthor || roleAtLeast(viewer.role, "approver")),
      canApply:
        request.state === "approved" &&
        !isAuthor &&
        roleAtLeast(viewer.role, "approver") &&
        approvers.length >= requiredApprovals &&
        !isStale,
      canRevert:
        isApplied &&
        roleAtLeast(viewer.role, "author") &&
        request.items.some((item) => item.previousVersionId !== null),
    },
  };
}

const CHECK_ORDER = ["definitions_valid", "dependencies_active", "no_breaking_change", "freshness", "skew", "drift"];

// ---------------------------------------------------------------- environments and candidates

export interface PromotionCandidate {
  kind: DefinitionKind;
  objectId: string;
  name: string;
  sourceVersion: { id: string; number: number };
  targetVersion: { id: string; number: number } | null;
}

/** Objects whose version in `sourceEnvironment` differs from the one in the next environment. */
export async function listPromotionCandidates(
  prisma: Db,
  input: { workspaceId: string; sourceEnvironment?: string },
): Promise<{
  environments: Array<{ name: string; position: number }>;
  source: { name: string } | null;
  target: { name: string; requiredApprovals: number; blockOnHealth: boolean } | null;
  candidates: PromotionCandidate[];
}> {
  const environments = await loadEnvironments(prisma, input.workspaceId);
  const source =
    environments.find((environment) => environment.name === input.sourceEnvironment) ?? environments[0] ?? null;
  const target = source ? nextEnvironment(environments, source.id) : null;
  const summary = environments.map((environment) => ({ name: environment.name, position: environment.position }));
  if (!source || !target)
    return { environments: summary, source: source ? { name: source.name } : null, target: null, candidates: [] };
  const [inSource, inTarget] = await Promise.all([
    loadActiveDefinitions(prisma, source.id),
    loadActiveDefinitions(prisma, target.id),
  ]);
  const targetByObject = new Map(inTarget.map((ref) => [`${ref.kind}:${ref.objectId}`, ref]));
  const candidates: PromotionCandidate[] = [];
  for (const ref of inSource) {
    const there = targetByObject.get(`${ref.kind}:${ref.objectId}`);
    if (there?.versionId === ref.versionId) continue;
    candidates.push({
      kind: ref.kind,
      objectId: ref.objectId,
      name: ref.name,
      sourceVersion: { id: ref.versionId, number: ref.versionNumber },
      targetVersion: there ? { id: there.versionId, number: there.versionNumber } : null,
    });
  }
  candidates.sort(
    (a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || a.name.localeCompare(b.name),
  );
  return {
    environments: summary,
    source: { name: source.name },
    target: {
      name: target.name,
      requiredApprovals: effectiveRequiredApprovals(target.requiredApprovals),
      blockOnHealth: target.blockOnHealth,
    },
    candidates,
  };
}

export interface EnvironmentVersion {
  environment: string;
  position: number;
  version: { id: string; number: number; message: string; createdAt: Date } | null;
  activatedAt: Date | null;
  promotionRequestNumber: number | null;
}

/**
 * Which version of each object is active in each environment of the workspace, keyed
 * "kind:objectId": one set of queries for all the objects of a promotion request.
 */
export async function listEnvironmentVersions(
  prisma: Db,
  input: { workspaceId: string; objects: { kind: DefinitionKind; objectId: string }[] },
): Promise<Map<string, EnvironmentVersion[]>> {
  const result = new Map<string, EnvironmentVersion[]>();
  if (input.objects.length === 0) return result;
  const environments = await loadEnvironments(prisma, input.workspaceId);
  const pins = await prisma.activeVersion.findMany({
    where: {
      environmentId: { in: environments.map((environment) => environment.id) },
      OR: input.objects.map((object) => ({ objectKind: object.kind, objectId: object.objectId })),
    },
    select: {
      environmentId: true,
      objectKind: true,
      objectId: true,
      versionId: true,
      activatedAt: true,
      promotionRequestId: true,
    },
  });
  const [versions, requests] = await Promise.all([
    prisma.definitionVersion.findMany({
      where: { id: { in: pins.map((pin) => pin.versionId) }, workspaceId: input.workspaceId },
      select: { id: true, number: true, message: true, createdAt: true },
    }),
    prisma.promotionRequest.findMany({
      where: { id: { in: pins.flatMap((pin) => (pin.promotionRequestId ? [pin.promotionRequestId] : [])) } },
      select: { id: true, number: true },
    }),
  ]);
  const versionById = new Map(versions.map((version) => [version.id, version]));
  const numberById = new Map(requests.map((request) => [request.id, request.number]));
  for (const object of input.objects) {
    const key = `${object.kind}:${object.objectId}`;
    const mine = pins.filter((pin) => pin.objectKind === object.kind && pin.objectId === object.objectId);
    result.set(
      key,
      environments.map((environment) => {
        const pin = mine.find((candidate) => candidate.environmentId === environment.id);
        return {
          environment: environment.name,
          position: environment.position,
          version: pin ? (versionById.get(pin.versionId) ?? null) : null,
          activatedAt: pin?.activatedAt ?? null,
          promotionRequestNumber: pin?.promotionRequestId ? (numberById.get(pin.promotionRequestId) ?? null) : null,
        };
      }),
    );
  }
  return result;
}
