// @/lib/data/monitoring/feature-profiles bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/monitoring/feature-profiles";
import { bindSharedRead } from "@/lib/server/bind";

export const listLatestFeatureProfiles = bindSharedRead("listLatestFeatureProfiles", data.listLatestFeatureProfiles);
