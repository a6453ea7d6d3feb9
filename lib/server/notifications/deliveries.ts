// @/lib/data/notifications/deliveries bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/notifications/deliveries";
import { bindDb } from "@/lib/server/bind";

export const listDeliveries = bindDb(data.listDeliveries);
