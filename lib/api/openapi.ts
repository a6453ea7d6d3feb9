import { z } from "zod";
import {
  apiTokenInputSchema,
  apiTokenSchema,
  createdApiTokenSchema,
  healthSchema,
  meSchema,
  roleChangeInputSchema,
  userSchema,
} from "@/lib/validations/admin";

/**
 * Every route of the public API, described with the same zod schemas that validate its input.
 * The OpenAPI document is generated from this list; a test fails when a route file under
 * app/api is missing here.
 */
export interface ApiOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  /** "public", a minimum user role, and the token scope that also grants it. */
  auth: { public?: true; role?: string; scope?: string };
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyContentTypes?: string[];
  response?: z.ZodType;
  responseStatus?: number;
}

const operations: ApiOperation[] = [];

export function registerOperations(...ops: ApiOperation[]): void {
  for (const op of ops) {
    if (!operations.some((o) => o.method === op.method && o.path === op.path)) operations.push(op);
  }
}

export function listOperations(): readonly ApiOperation[] {
  return operations;
}

const errorSchema = z.object({
  error: z.object({
    code: z.enum([
      "bad_request",
      "unauthorized",
      "forbidden",
      "not_found",
      "conflict",
      "payload_too_large",
      "unprocessable",
      "too_many_requests",
      "internal",
      "unavailable",
    ]),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.unknown().optional(),
  }),
});

registerOperations(
  {
    method: "get",
    path: "/api/health",
    summary: "Whether the database answers, which engine it is and how many migrations are applied.",
    tag: "System",
    auth: { public: true },
    response: healthSchema,
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document.",
    tag: "System",
    auth: { public: true },
  },
  {
    method: "get",
    path: "/api/v1/me",
    summary: "The caller (user or API token), its workspace roles and token scopes.",
    tag: "Identity",
    auth: { role: "viewer", scope: "read" },
    response: meSchema,
  },
  {
    method: "get",
    path: "/api/v1/tokens",
    summary: "List the workspace's API tokens (never the tokens themselves).",
    tag: "Admin",
    auth: { role: "admin" },
    response: z.object({ tokens: z.array(apiTokenSchema) }),
  },
  {
    method: "post",
    path: "/api/v1/tokens",
    summary: "Create an API token. The response holds the token in clear, once.",
    tag: "Admin",
    auth: { role: "admin" },
    body: apiTokenInputSchema,
    response: createdApiTokenSchema,
    responseStatus: 201,
  },
  {
    method: "delete",
    path: "/api/v1/tokens/{id}",
    summary: "Revoke an API token.",
    tag: "Admin",
    auth: { role: "admin" },
  },
  {
    method: "get",
    path: "/api/v1/users",
    summary: "List the workspace's members and their roles.",
    tag: "Admin",
    auth: { role: "admin" },
    response: z.object({ users: z.array(userSchema) }),
  },
  {
    method: "patch",
    path: "/api/v1/users/{id}",
    summary: "Change a member's role in the workspace.",
    tag: "Admin",
    auth: { role: "admin" },
    body: roleChangeInputSchema,
    response: userSchema,
  },
);

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io: "input" });
}

export function buildOpenApiDocument(serverUrl?: string) {
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
    ];
    const security = op.auth.public ? [] : [{ session: [] }, { bearer: [] }];
    const responses: Record<string, unknown> = {
      [String(op.responseStatus ?? 200)]: {
        description: "Success",
        ...(op.response ? { content: { "application/json": { schema: jsonSchema(op.response) } } } : {}),
      },
    };
    const errorResponse = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    if (!op.auth.public) {
      responses["401"] = { description: "Not signed in and no valid API token", ...errorResponse };
      responses["403"] = { description: "Role or token scope insufficient", ...errorResponse };
    }
    if (op.body || op.query) responses["400"] = { description: "Malformed input", ...errorResponse };
    if (op.body) responses["422"] = { description: "Input fails validation; `fields` names each problem", ...errorResponse };
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
        "Registry, lineage, promotion and monitoring API of Featureline. Authenticate with a browser session or an API token (`Authorization: Bearer flt_...`). Errors are `{\"error\": {\"code\", \"message\", \"fields\"?}}`.",
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
