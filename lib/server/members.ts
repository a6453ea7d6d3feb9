// @/lib/data/members bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/members";
import { bindDb } from "@/lib/server/bind";

export const cancelInvite = bindDb(data.cancelInvite);
export const inviteMember = bindDb(data.inviteMember);
export const listMembersAndInvites = bindDb(data.listMembersAndInvites);
export const listWorkspaceAdmins = bindDb(data.listWorkspaceAdmins);
export const removeMember = bindDb(data.removeMember);
