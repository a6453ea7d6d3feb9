// GET /api/v1/schema — JSON Schema of the repository document that plan and apply accept.
import { jsonResponse, publicRoute } from "@/lib/api/handler";
import { repositoryJsonSchema } from "@/lib/definitions/schema";

export const GET = publicRoute(async (request) =>
  jsonResponse({
    $id: new URL("/api/v1/schema", request.url).toString(),
    title: "Featureline repository document",
    ...repositoryJsonSchema(),
  }),
);
