import "server-only";
import { loadActiveDefinitions } from "@/lib/data/promotion-checks";
import type { Db } from "@/lib/db";
import type { DefinitionKind } from "@/lib/definitions/schema";
import { effectiveRequiredApprovals, nextEnvironment } from "@/lib/promotions/state-machine";
import { KIND_ORDER, loadEnvironments } from "./shared";

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
