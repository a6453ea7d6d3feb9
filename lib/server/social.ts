// @/lib/data/social bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/social";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

export const addComment = bindDb(data.addComment);
export const getStarState = bindDb(data.getStarState);
export const listComments = bindSharedRead("listComments", data.listComments);
export const listStarred = bindDb(data.listStarred);
export const setStar = bindDb(data.setStar);
