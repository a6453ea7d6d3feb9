import type { Role } from "@/lib/generated/prisma/enums";
export type { Role };

/** Workspace roles, lowest first. Pure (no server imports), so client-bundled code can use it. */
export const ROLES = ["viewer", "author", "approver", "admin"] as const satisfies readonly Role[];
const ROLE_RANK: Record<Role, number> = { viewer: 0, author: 1, approver: 2, admin: 3 };

/** Roles are ordered: each includes what the ones below it may do. */
export function roleAtLeast(role: Role | null | undefined, needed: Role): boolean {
  return role != null && ROLE_RANK[role] >= ROLE_RANK[needed];
}
