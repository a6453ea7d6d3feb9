import { contentHash } from "@/lib/definitions/canonical";
import { saveDefinition } from "@/lib/data/definitions";
import type { PromotionActor } from "@/lib/data/promotions";
import type { DefinitionKind } from "@/lib/definitions/schema";
import { seedDemo } from "@/lib/demo/load";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";

/** The demo registry on a fresh database, with helpers the promotion tests share. */
export interface PromotionWorld {
  database: TestDatabase;
  prisma: PrismaClient;
  workspaceId: string;
  env: Record<"dev" | "staging" | "prod", string>;
  users: Record<"admin" | "approver" | "approver2" | "author" | "author2" | "viewer", PromotionActor>;
  objectId(kind: DefinitionKind, name: string): Promise<string>;
  /** Saves a new dev version of a demo object, as authoring does. */
  edit<T extends Record<string, unknown>>(
    kind: DefinitionKind,
    name: string,
    change: (definition: T) => T,
    message?: string,
  ): Promise<number>;
  /**
   * Writes a new version directly, bypassing authoring's own checks (which refuse, in dev, an
   * edit that breaks a dev consumer), as an imported or older version could be. Not activated.
   */
  insertVersion<T extends Record<string, unknown>>(
    kind: DefinitionKind,
    name: string,
    change: (definition: T) => T,
  ): Promise<number>;
  activeNumber(environment: "dev" | "staging" | "prod", kind: DefinitionKind, name: string): Promise<number | null>;
  /** Pins a version in an environment directly (test set-up, not a promotion). */
  pin(
    environment: "dev" | "staging" | "prod",
    kind: DefinitionKind,
    name: string,
    versionNumber: number,
  ): Promise<void>;
}

export async function createPromotionWorld(): Promise<PromotionWorld> {
  const database = await createTestDatabase();
  const { prisma } = database;
  // The promotion tests number their own requests: without the demo's.
  await seedDemo(prisma, database.engine, { now: new Date(), promotions: false });
  const workspace = await prisma.workspace.findUniqueOrThrow({ where: { slug: "acme" }, select: { id: true } });
  const environments = await prisma.environment.findMany({ where: { workspaceId: workspace.id } });
  const env = Object.fromEntries(environments.map((e) => [e.name, e.id])) as PromotionWorld["env"];
  const members = await prisma.workspaceMember.findMany({
    where: { workspaceId: workspace.id },
    select: { role: true, user: { select: { id: true, email: true } } },
  });
  const users = Object.fromEntries(
    members.map((m) => [m.user.email.split("@")[0], { userId: m.user.id, role: m.role }]),
  ) as PromotionWorld["users"];

  const objectId = async (kind: DefinitionKind, name: string) => {
    const version = await prisma.definitionVersion.findFirstOrThrow({
      where: { workspaceId: workspace.id, objectKind: kind, objectName: name },
      select: { objectId: true },
    });
    return version.objectId;
  };
  const latestVersion = async (kind: DefinitionKind, id: string) =>
    prisma.definitionVersion.findFirstOrThrow({
      where: { objectKind: kind, objectId: id },
      orderBy: { number: "desc" },
      select: { number: true, definition: true },
    });

  return {
    database,
    prisma,
    workspaceId: workspace.id,
    env,
    users,
    objectId,
    async edit(kind, name, change, message = "Edited in a test") {
      const id = await objectId(kind, name);
      const latest = await latestVersion(kind, id);
      const result = await saveDefinition(
        prisma,
        {
          workspaceId: workspace.id,
          kind,
          objectId: id,
          definition: change(structuredClone(latest.definition) as never),
          baseVersionNumber: latest.number,
          message,
        },
        { userId: users.author.userId },
      );
      return result.version.number;
    },
    async insertVersion(kind, name, change) {
      const id = await objectId(kind, name);
      const latest = await latestVersion(kind, id);
      const definition = change(structuredClone(latest.definition) as never);
      await prisma.definitionVersion.create({
        data: {
          workspaceId: workspace.id,
          objectKind: kind,
          objectId: id,
          objectName: name,
          number: latest.number + 1,
          contentHash: contentHash(definition),
          definition: definition as never,
          message: "Inserted by a test",
          authorId: users.author.userId,
        },
      });
      return latest.number + 1;
    },
    async activeNumber(environment, kind, name) {
      const id = await objectId(kind, name);
      const pin = await prisma.activeVersion.findUnique({
        where: {
          environmentId_objectKind_objectId: { environmentId: env[environment], objectKind: kind, objectId: id },
        },
        select: { versionId: true },
      });
      if (!pin) return null;
      const version = await prisma.definitionVersion.findUniqueOrThrow({
        where: { id: pin.versionId },
        select: { number: true },
      });
      return version.number;
    },
    async pin(environment, kind, name, versionNumber) {
      const id = await objectId(kind, name);
      const version = await prisma.definitionVersion.findUniqueOrThrow({
        where: { objectKind_objectId_number: { objectKind: kind, objectId: id, number: versionNumber } },
        select: { id: true },
      });
      const key = { environmentId: env[environment], objectKind: kind, objectId: id };
      await prisma.activeVersion.upsert({
        where: { environmentId_objectKind_objectId: key },
        create: { ...key, versionId: version.id },
        update: { versionId: version.id },
      });
    },
  };
}
