// @/lib/jobs/queue bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/jobs/queue";
import { bindDb } from "@/lib/server/bind";

export const findUnfinishedJob = bindDb(data.findUnfinishedJob);
export const getJob = bindDb(data.getJob);
