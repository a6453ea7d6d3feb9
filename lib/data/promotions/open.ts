import "server-only";
import { recordAudit } from "@/lib/data/audit";
import { loadActiveDefinitions, runPromotionChecks, storeChecks } from "@/lib/data/promotion-checks";
import { roleAtLeast } from "@/lib/data/users";
import type { Db } from "@/lib/db";
import type { DefinitionKind } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import { checkNextInLine, nextEnvironment } from "@/lib/promotions/state-machine";
import type { PromotionInput } from "@/lib/validations/promotions";
import {
  TX_OPTIONS,
  environmentById,
  loadEnvironments,
  requestLabel,
  targetSnapshot,
  type EnvironmentRow,
  type PromotionActor,
  type Tx,
} from "./shared";

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
