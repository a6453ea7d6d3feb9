/*
 * The OpenAPI document read back as the API reference page shows it: operations grouped by
 * tag, each with its parameters, request body and responses (schema and example), an anchor
 * for shareable links and a curl line. Pure; reads only the generated document.
 */

export type JsonSchema = Record<string, unknown>;

export interface ReferenceParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  example?: string;
}

export interface ReferenceMedia {
  contentType: string;
  schema: JsonSchema;
  example?: unknown;
}

export interface ReferenceOperation {
  /** Anchor id: "get-api-v1-search". */
  id: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  auth: { public?: boolean; role?: string; scope?: string };
  parameters: ReferenceParameter[];
  requestBody: ReferenceMedia[];
  responses: { status: string; description: string; media?: ReferenceMedia }[];
}

type RawMedia = { schema?: JsonSchema; example?: unknown };
type RawOperation = {
  summary?: string;
  tags?: string[];
  "x-featureline-auth"?: ReferenceOperation["auth"];
  parameters?: Array<Omit<ReferenceParameter, "example" | "schema"> & { schema?: JsonSchema; example?: unknown }>;
  requestBody?: { content?: Record<string, RawMedia> };
  responses?: Record<string, { description?: string; content?: Record<string, RawMedia> }>;
};

export function operationAnchor(method: string, path: string): string {
  return `${method}-${path}`
    .toLowerCase()
    .replace(/[{}]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function media(contentType: string, raw: RawMedia): ReferenceMedia {
  return { contentType, schema: raw.schema ?? {}, ...(raw.example !== undefined ? { example: raw.example } : {}) };
}

export function referenceOperations(document: { paths: Record<string, unknown> }): ReferenceOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, RawOperation>).map(([method, op]) => ({
      id: operationAnchor(method, path),
      method,
      path,
      summary: op.summary ?? "",
      tag: op.tags?.[0] ?? "Other",
      auth: op["x-featureline-auth"] ?? {},
      parameters: (op.parameters ?? []).map((parameter) => ({
        name: parameter.name,
        in: parameter.in,
        required: parameter.required,
        schema: parameter.schema ?? {},
        ...(typeof parameter.schema?.description === "string" ? { description: parameter.schema.description } : {}),
        ...(parameter.example !== undefined ? { example: String(parameter.example) } : {}),
      })),
      requestBody: Object.entries(op.requestBody?.content ?? {}).map(([type, raw]) => media(type, raw)),
      responses: Object.entries(op.responses ?? {}).map(([status, response]) => {
        const json = response.content?.["application/json"];
        return {
          status,
          description: response.description ?? "",
          ...(json ? { media: media("application/json", json) } : {}),
        };
      }),
    })),
  );
}

/** Operations by tag, tags in the order they first appear in the document. */
export function groupByTag(
  operations: readonly ReferenceOperation[],
): { tag: string; operations: ReferenceOperation[] }[] {
  const groups = new Map<string, ReferenceOperation[]>();
  for (const operation of operations) {
    const list = groups.get(operation.tag) ?? [];
    list.push(operation);
    groups.set(operation.tag, list);
  }
  return [...groups].map(([tag, list]) => ({ tag, operations: list }));
}

/** The URL with path parameters and query parameters filled from the given values. */
export function exampleUrl(
  operation: Pick<ReferenceOperation, "path" | "parameters">,
  values: Record<string, string> = {},
): string {
  const value = (parameter: ReferenceParameter) => values[parameter.name] ?? parameter.example ?? "";
  let url = operation.path;
  for (const parameter of operation.parameters.filter((p) => p.in === "path")) {
    url = url.replace(`{${parameter.name}}`, encodeURIComponent(value(parameter) || `{${parameter.name}}`));
  }
  const query = new URLSearchParams();
  for (const parameter of operation.parameters.filter((p) => p.in === "query")) {
    const text = value(parameter);
    if (text !== "") query.set(parameter.name, text);
  }
  const search = query.toString();
  return search ? `${url}?${search}` : url;
}

// Single quotes in a shell argument: close, escaped quote, reopen.
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A curl command for the operation with its examples and a token placeholder. */
export function curlExample(operation: ReferenceOperation, origin: string): string {
  const lines = [`curl -X ${operation.method.toUpperCase()} ${shellQuote(origin + exampleUrl(operation))}`];
  if (!operation.auth.public) lines.push(`  -H 'Authorization: Bearer flt_your_token'`);
  const json = operation.requestBody.find((body) => body.contentType === "application/json");
  if (json) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d ${shellQuote(JSON.stringify(json.example ?? {}, null, 2))}`);
  }
  return lines.join(" \\\n");
}
