import "server-only";
import { findObjectRow } from "@/lib/data/object-rows";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ObjectKind } from "@/lib/generated/prisma/enums";
import type { CatalogKind } from "@/lib/search/types";

/** Tagged with the object's kind, so a union of details narrows on `kind` without casts. */
export interface ObjectHeader<K extends CatalogKind = CatalogKind> {
  kind: K;
  id: string;
  name: string;
  description: string;
  owner: string;
  team: { id: string; slug: string; name: string } | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ActiveVersionInfo {
  environment: string;
  position: number;
  versionNumber: number | null;
  activatedAt: string | null;
  /** The environment runs an older version than the dev head. */
  isBehind: boolean;
}

export interface VersionInfo {
  /** The kind and id that versions are kept under (a feature is versioned with its view). */
  versionKind: ObjectKind;
  versionObjectId: string;
  headNumber: number | null;
  active: ActiveVersionInfo[];
}

export type TeamRow = { id: string; slug: string; name: string } | null;

export async function teamById(prisma: Db, workspaceId: string, teamId: string | null): Promise<TeamRow> {
  if (!teamId) return null;
  return prisma.team.findFirst({ where: { id: teamId, workspaceId }, select: { id: true, slug: true, name: true } });
}

export function header<K extends CatalogKind>(
  kind: K,
  row: {
    id: string;
    name: string;
    description: string;
    owner: string;
    tags: string[];
    createdAt: Date;
    updatedAt: Date;
  },
  team: TeamRow,
): ObjectHeader<K> {
  return {
    kind,
    id: row.id,
    name: row.name,
    description: row.description,
    owner: row.owner,
    team,
    tags: row.tags ?? [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getVersionInfo(
  prisma: Db,
  options: { workspaceId: string; kind: ObjectKind; objectId: string },
): Promise<VersionInfo> {
  const [head, environments, active] = await Promise.all([
    prisma.definitionVersion.findFirst({
      where: { workspaceId: options.workspaceId, objectKind: options.kind, objectId: options.objectId },
      orderBy: { number: "desc" },
      select: { number: true },
    }),
    prisma.environment.findMany({
      where: { workspaceId: options.workspaceId },
      orderBy: { position: "asc" },
      select: { id: true, name: true, position: true },
    }),
    prisma.activeVersion.findMany({
      where: { objectKind: options.kind, objectId: options.objectId },
      select: { environmentId: true, versionId: true, activatedAt: true },
    }),
  ]);
  const versions = active.length
    ? await prisma.definitionVersion.findMany({
        where: { id: { in: active.map((a) => a.versionId) }, workspaceId: options.workspaceId },
        select: { id: true, number: true },
      })
    : [];
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  return {
    versionKind: options.kind,
    versionObjectId: options.objectId,
    headNumber: head?.number ?? null,
    active: environments.map((env) => {
      const pin = active.find((a) => a.environmentId === env.id);
      const number = pin ? (numberOf.get(pin.versionId) ?? null) : null;
      return {
        environment: env.name,
        position: env.position,
        versionNumber: number,
        activatedAt: pin ? pin.activatedAt.toISOString() : null,
        isBehind: number !== null && head !== null && number < head.number,
      };
    }),
  };
}

/** The columns every catalog object's header is read from. */
export const HEADER_SELECT = {
  id: true,
  name: true,
  description: true,
  owner: true,
  teamId: true,
  tags: true,
  createdAt: true,
  updatedAt: true,
} as const;

type HeaderRow = Parameters<typeof header>[1] & { teamId: string | null };

/**
 * One object of a versioned kind by id inside the workspace (else null), read by `find` with a
 * select that spreads HEADER_SELECT, with its header, team and versions; `related` reads what
 * else its page needs, in parallel with the team and versions.
 */
export async function loadCatalogObject<K extends Exclude<CatalogKind, "feature">, Row extends HeaderRow, Related>(
  prisma: Db,
  options: {
    workspaceId: string;
    id: string;
    kind: K;
    find: (where: { id: string; workspaceId: string }) => Promise<Row | null>;
    related: (row: Row) => Promise<Related>;
  },
): Promise<{ row: Row; header: ObjectHeader<K>; versions: VersionInfo; related: Related } | null> {
  const { workspaceId, kind } = options;
  const row = await options.find({ id: options.id, workspaceId });
  if (!row) return null;
  const [team, versions, related] = await Promise.all([
    teamById(prisma, workspaceId, row.teamId),
    getVersionInfo(prisma, { workspaceId, kind, objectId: row.id }),
    options.related(row),
  ]);
  return { row, header: header(kind, row, team), versions, related };
}

/** The header of any object (name, kind, workspace check): for comments, stars and audit. */
export async function getObjectHeader(prisma: Db, options: { workspaceId: string; kind: CatalogKind; id: string }) {
  return findObjectRow(prisma, options.workspaceId, options.kind, { id: options.id });
}

export async function requireObjectHeader(prisma: Db, options: { workspaceId: string; kind: CatalogKind; id: string }) {
  const found = await getObjectHeader(prisma, options);
  if (!found)
    throw new AppError("not_found", `No ${options.kind.replace("_", " ")} "${options.id}" in this workspace.`);
  return found;
}
