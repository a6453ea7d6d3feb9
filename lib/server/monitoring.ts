// @/lib/data/monitoring bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/monitoring";
import { bindDb } from "@/lib/server/bind";

export const createRule = bindDb(data.createRule);
export const getFeatureDrift = bindDb(data.getFeatureDrift);
export const getFreshnessDetail = bindDb(data.getFreshnessDetail);
export const getRetentionSettings = bindDb(data.getRetentionSettings);
export const getRule = bindDb(data.getRule);
export const getServingDetail = bindDb(data.getServingDetail);
export const listFeatureStatistics = bindDb(data.listFeatureStatistics);
export const listFeatureStatisticsFilters = bindDb(data.listFeatureStatisticsFilters);
export const listRules = bindDb(data.listRules);
export const listServiceLatency = bindDb(data.listServiceLatency);
export const listViewFreshness = bindDb(data.listViewFreshness);
export const saveThresholdOverrides = bindDb(data.saveThresholdOverrides);
export const searchRuleObjects = bindDb(data.searchRuleObjects);
export const setDriftBaseline = bindDb(data.setDriftBaseline);
export const setRawRetentionDays = bindDb(data.setRawRetentionDays);
export const setRuleEnabled = bindDb(data.setRuleEnabled);
export const updateRule = bindDb(data.updateRule);
