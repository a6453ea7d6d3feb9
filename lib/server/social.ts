// @/lib/data/social bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import { REGISTRY_READ_TTL_MS } from "@/lib/cache/shared-read";
import * as data from "@/lib/data/social";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

export const addComment = bindDb(data.addComment);
export const getStarState = bindDb(data.getStarState);
// Comments show absolute times and change only by writes, which retire them: kept long.
export const listComments = bindSharedRead("listComments", data.listComments, REGISTRY_READ_TTL_MS);
export const listStarred = bindDb(data.listStarred);
export const setStar = bindDb(data.setStar);
