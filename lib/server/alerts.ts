// @/lib/data/alerts bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/alerts";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

export const acknowledgeAlert = bindDb(data.acknowledgeAlert);
export const evaluateRules = bindDb(data.evaluateRules);
export const getAlert = bindDb(data.getAlert);
export const getOpenAlertsByObject = bindSharedRead("getOpenAlertsByObject", data.getOpenAlertsByObject);
export const listAlerts = bindSharedRead("listAlerts", data.listAlerts);
export const muteRuleForObject = bindDb(data.muteRuleForObject);
export const resolveAlert = bindDb(data.resolveAlert);
export const snoozeAlert = bindDb(data.snoozeAlert);
export const unmuteRuleForObject = bindDb(data.unmuteRuleForObject);
