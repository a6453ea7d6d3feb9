// @/lib/data/monitoring/feature-profiles bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/monitoring/feature-profiles";
import { bindDb } from "@/lib/server/bind";

export const listLatestFeatureProfiles = bindDb(data.listLatestFeatureProfiles);
