// @/lib/data/monitoring bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/monitoring";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

export const createRule = bindDb(data.createRule);
export const getFeatureDrift = bindSharedRead("getFeatureDrift", data.getFeatureDrift);
export const getFreshnessDetail = bindSharedRead("getFreshnessDetail", data.getFreshnessDetail);
export const getRetentionSettings = bindDb(data.getRetentionSettings);
export const getRule = bindDb(data.getRule);
export const getServingDetail = bindSharedRead("getServingDetail", data.getServingDetail);
export const listFeatureStatistics = bindSharedRead("listFeatureStatistics", data.listFeatureStatistics);
export const listFeatureStatisticsFilters = bindSharedRead(
  "listFeatureStatisticsFilters",
  data.listFeatureStatisticsFilters,
);
export const listRules = bindDb(data.listRules);
export const listServiceLatency = bindSharedRead("listServiceLatency", data.listServiceLatency);
export const listViewFreshness = bindSharedRead("listViewFreshness", data.listViewFreshness);
export const saveThresholdOverrides = bindDb(data.saveThresholdOverrides);
export const searchRuleObjects = bindDb(data.searchRuleObjects);
export const setDriftBaseline = bindDb(data.setDriftBaseline);
export const setRawRetentionDays = bindDb(data.setRawRetentionDays);
export const setRuleEnabled = bindDb(data.setRuleEnabled);
export const updateRule = bindDb(data.updateRule);
