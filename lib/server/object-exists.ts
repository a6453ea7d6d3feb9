// @/lib/data/object-exists bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/object-exists";
import { bindDb } from "@/lib/server/bind";

export const catalogObjectExists = bindDb(data.catalogObjectExists);
export const promotionRequestExists = bindDb(data.promotionRequestExists);
