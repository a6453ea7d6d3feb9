// @/lib/data/sessions bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/sessions";
import { bindDb } from "@/lib/server/bind";

export const changePassword = bindDb(data.changePassword);
export const signOutEverywhere = bindDb(data.signOutEverywhere);
