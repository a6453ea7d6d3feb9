import "server-only";
import { getCurrentDefinition, saveDefinition } from "@/lib/data/definitions";
import type { Db } from "@/lib/db";
import type { FeatureServiceDefinition } from "@/lib/definitions/schema";
import type { Actor } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";

export async function listFeatureServiceOptions(prisma: Db, workspaceId: string) {
  return prisma.featureService.findMany({
    where: { workspaceId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 2000,
  });
}

export interface AddToServiceResult {
  serviceId: string;
  serviceName: string;
  created: boolean;
  added: string[];
  alreadyPresent: string[];
  versionNumber: number;
}

/**
 * Adds features to a feature service (or creates one in dev) as a new version of the service,
 * through saveDefinition: versioned, audited and conflict-checked like any other edit.
 */
export async function addFeaturesToService(
  prisma: Db,
  input: {
    workspaceId: string;
    featureIds: string[];
    serviceId?: string;
    newServiceName?: string;
    message?: string;
    owner?: string;
  },
  actor: Actor,
): Promise<AddToServiceResult> {
  const features = await prisma.feature.findMany({
    where: { workspaceId: input.workspaceId, id: { in: input.featureIds } },
    select: { id: true, name: true, featureView: { select: { name: true } } },
  });
  if (features.length !== new Set(input.featureIds).size) {
    throw new AppError("not_found", "Some of the chosen features do not exist in this workspace.");
  }
  const refs = features.map((f) => `${f.featureView.name}:${f.name}`);
  if (input.newServiceName) {
    const definition: Partial<FeatureServiceDefinition> & { name: string } = {
      name: input.newServiceName,
      features: [...new Set(refs)].sort(),
      owner: input.owner ?? "",
    };
    const saved = await saveDefinition(
      prisma,
      {
        workspaceId: input.workspaceId,
        kind: "feature_service",
        definition,
        baseVersionNumber: null,
        message:
          input.message || `Create ${input.newServiceName} with ${refs.length} feature${refs.length === 1 ? "" : "s"}`,
      },
      actor,
    );
    return {
      serviceId: saved.objectId,
      serviceName: saved.name,
      created: true,
      added: refs,
      alreadyPresent: [],
      versionNumber: saved.version.number,
    };
  }
  const current = await getCurrentDefinition(prisma, {
    workspaceId: input.workspaceId,
    kind: "feature_service",
    objectId: input.serviceId!,
  });
  if (!current) throw new AppError("not_found", "No such feature service in this workspace.");
  const definition = current.definition as FeatureServiceDefinition;
  const existing = new Set(definition.features);
  // "view:*" already serves every feature of the view.
  const isServed = (ref: string) => existing.has(ref) || existing.has(`${ref.slice(0, ref.indexOf(":"))}:*`);
  const added = [...new Set(refs)].filter((ref) => !isServed(ref));
  const alreadyPresent = refs.filter(isServed);
  if (added.length === 0) {
    return {
      serviceId: current.objectId,
      serviceName: current.name,
      created: false,
      added,
      alreadyPresent,
      versionNumber: current.version.number,
    };
  }
  const saved = await saveDefinition(
    prisma,
    {
      workspaceId: input.workspaceId,
      kind: "feature_service",
      objectId: current.objectId,
      definition: { ...definition, features: [...definition.features, ...added] },
      baseVersionNumber: current.version.number,
      message: input.message || `Add ${added.join(", ")}`.slice(0, 500),
    },
    actor,
  );
  return {
    serviceId: saved.objectId,
    serviceName: saved.name,
    created: false,
    added,
    alreadyPresent,
    versionNumber: saved.version.number,
  };
}
