// @/lib/data/search bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/search";
import { bindDb } from "@/lib/server/bind";

export const quickSearch = bindDb(data.quickSearch);
export const searchCatalog = bindDb(data.searchCatalog);
export const searchCatalogFacetsWithin = bindDb(data.searchCatalogFacetsWithin);
export const searchForApi = bindDb(data.searchForApi);
