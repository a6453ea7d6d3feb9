// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the zod schemas.
import { jsonResponse, publicRoute } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const GET = publicRoute(async (request) => jsonResponse(buildOpenApiDocument(new URL(request.url).origin)));
