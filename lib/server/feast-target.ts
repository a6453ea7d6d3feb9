// @/lib/api/feast-target bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/api/feast-target";
import { bindDb } from "@/lib/server/bind";

export const feastImportWorkspace = bindDb(data.feastImportWorkspace);
