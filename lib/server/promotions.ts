// @/lib/data/promotions bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/promotions";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

export const applyPromotionRequest = bindDb(data.applyPromotionRequest);
export const countInbox = bindDb(data.countInbox);
export const createPromotionRequest = bindDb(data.createPromotionRequest);
export const createRevertRequest = bindDb(data.createRevertRequest);
export const getPromotionRequest = bindSharedRead("getPromotionRequest", data.getPromotionRequest);
export const listEnvironmentVersions = bindDb(data.listEnvironmentVersions);
export const listPromotionRequests = bindSharedRead("listPromotionRequests", data.listPromotionRequests);
export const refreshPromotionRequest = bindDb(data.refreshPromotionRequest);
export const reviewPromotionRequest = bindDb(data.reviewPromotionRequest);
export const withdrawPromotionRequest = bindDb(data.withdrawPromotionRequest);
