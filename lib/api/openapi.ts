import { z } from "zod";
import type { ApiOperation } from "@/lib/api/operations/types";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { adminOperations } from "@/lib/api/operations/admin";
import { systemOperations } from "@/lib/api/operations/system";
import { authoringOperations } from "@/lib/api/operations/authoring";
import { lineageOperations } from "@/lib/api/operations/lineage";
import { alertingOperations } from "@/lib/api/operations/alerting";
import { monitoringOperations } from "@/lib/api/operations/monitoring";
import { promotionOperations } from "@/lib/api/operations/promotions";
import { catalogOperations } from "@/lib/api/operations/catalog";
import { jobOperations } from "@/lib/api/operations/jobs";
import { acceptedJobSchema } from "@/lib/validations/jobs";

export type { ApiOperation } from "@/lib/api/operations/types";

/** Every domain lists its routes in lib/api/operations/<domain>.ts; add new files here. */
const operations: readonly ApiOperation[] = [
  ...systemOperations,
  ...adminOperations,
  ...authoringOperations,
  ...lineageOperations,
  ...monitoringOperations,
  ...alertingOperations,
  ...promotionOperations,
  ...catalogOperations,
  ...jobOperations,
];

/** The two ways to ask a write that can run as a job for one (lib/api/jobs.ts). */
const asyncParameters = [
  {
    name: "async",
    in: "query",
    required: false,
    description: "1: answer 202 with a job to poll; 0: answer when done, whatever the size",
    schema: { type: "string", enum: ["1", "0", "true", "false"] },
  },
  {
    name: "Prefer",
    in: "header",
    required: false,
    description: "`respond-async` asks for a job like async=1",
    schema: { type: "string" },
  },
];

const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.unknown().optional(),
  }),
});

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io: "input" });
}

const builtDocuments = new Map<string, ReturnType<typeof composeOpenApiDocument>>();

/** The document depends only on the code and the server URL: built once per URL and process. */
export function buildOpenApiDocument(serverUrl?: string) {
  const key = serverUrl ?? "";
  let document = builtDocuments.get(key);
  if (!document) {
    // A few origins at most (localhost, the public name); bounded all the same.
    if (builtDocuments.size >= 20) builtDocuments.clear();
    document = composeOpenApiDocument(serverUrl);
    builtDocuments.set(key, document);
  }
  return document;
}

function composeOpenApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: "query",
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(schema as z.ZodType),
      })),
      ...(op.accepted ? asyncParameters : []),
    ];
    const security = op.auth.public ? [] : [{ session: [] }, { bearer: [] }];
    const responses: Record<string, unknown> = {
      [String(op.responseStatus ?? 200)]: {
        description: "Success",
        ...(op.response ? { content: { "application/json": { schema: jsonSchema(op.response) } } } : {}),
      },
    };
    if (op.accepted) {
      responses["202"] = {
        description: "Accepted: running as a background job; poll the `Location` (GET /api/v1/jobs/{id})",
        headers: { Location: { schema: { type: "string" }, description: "The job's URL" } },
        content: { "application/json": { schema: jsonSchema(acceptedJobSchema) } },
      };
    }
    const errorResponse = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    if (!op.auth.public) {
      responses["401"] = { description: "Not signed in and no valid API token", ...errorResponse };
      responses["403"] = { description: "Role or token scope insufficient", ...errorResponse };
    }
    if (op.body || op.query) responses["400"] = { description: "Malformed input", ...errorResponse };
    if (op.body)
      responses["422"] = { description: "Input fails validation; `fields` names each problem", ...errorResponse };
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      security,
      "x-featureline-auth": op.auth,
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                (op.bodyContentTypes ?? ["application/json"]).map((type) => [type, { schema: jsonSchema(op.body!) }]),
              ),
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Featureline API",
      version: "1",
      description:
        'Registry, lineage, promotion and monitoring API of Featureline. Authenticate with a browser session or an API token (`Authorization: Bearer flt_...`). Errors are `{"error": {"code", "message", "fields"?}}`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API token with scopes read, ingest or apply" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: { Error: jsonSchema(errorSchema) },
    },
    paths,
  };
}
