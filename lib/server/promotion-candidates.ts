// @/lib/data/promotion-candidates bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/promotion-candidates";
import { bindDb } from "@/lib/server/bind";

export const listPromotionCandidatesFor = bindDb(data.listPromotionCandidatesFor);
