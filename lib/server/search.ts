// @/lib/data/search bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/search";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

export const quickSearch = bindSharedRead("quickSearch", data.quickSearch);
export const searchCatalog = bindSharedRead("searchCatalog", data.searchCatalog);
// Not shared: its deadline is per page load, and a count that lands late serves the next load.
export const searchCatalogFacetsWithin = bindDb(data.searchCatalogFacetsWithin);
export const searchForApi = bindSharedRead("searchForApi", data.searchForApi);
