// @/lib/data/environments bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/environments";
import { bindDb } from "@/lib/server/bind";

export const addEnvironment = bindDb(data.addEnvironment);
export const listEnvironmentSettings = bindDb(data.listEnvironmentSettings);
export const removeEnvironment = bindDb(data.removeEnvironment);
export const updateEnvironment = bindDb(data.updateEnvironment);
