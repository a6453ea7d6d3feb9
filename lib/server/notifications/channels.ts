// @/lib/data/notifications/channels bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/notifications/channels";
import { bindDb } from "@/lib/server/bind";

export const createChannel = bindDb(data.createChannel);
export const deleteChannel = bindDb(data.deleteChannel);
export const listChannels = bindDb(data.listChannels);
export const sendTestNotification = bindDb(data.sendTestNotification);
export const updateChannel = bindDb(data.updateChannel);
