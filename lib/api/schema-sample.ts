/*
 * An example value for a JSON Schema (the draft 2020-12 subset zod emits): the schema's own
 * example or default when it has one, else the first enum member, a placeholder of the right
 * type and format, every property of an object. Operations without a hand-written example
 * get one from here, so every request and response in the reference has something to copy.
 */

type Schema = Record<string, unknown>;

const MAX_DEPTH = 8;

const STRING_FORMATS: Record<string, string> = {
  "date-time": "2026-01-15T09:30:00.000Z",
  date: "2026-01-15",
  email: "ada@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  uuid: "4f1c2a8e-3b7d-4c1e-9a55-0f6d2b1e7c3a",
};

function asSchema(value: unknown): Schema | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Schema) : null;
}

export function sampleFromSchema(schema: unknown, root: unknown = schema, depth = 0): unknown {
  const node = asSchema(schema);
  if (!node || depth > MAX_DEPTH) return null;
  if (Array.isArray(node.examples) && node.examples.length > 0) return node.examples[0];
  if ("example" in node) return node.example;
  if ("const" in node) return node.const;
  if ("default" in node) return node.default;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  if (typeof node.$ref === "string") return sampleFromSchema(resolveRef(node.$ref, root), root, depth + 1);
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = node[key];
    if (Array.isArray(options) && options.length > 0) {
      // Prefer a real shape to `null` when a value is nullable.
      const option = options.find((candidate) => asSchema(candidate)?.type !== "null") ?? options[0];
      return sampleFromSchema(option, root, depth + 1);
    }
  }
  if (Array.isArray(node.allOf)) {
    return Object.assign({}, ...node.allOf.map((part) => sampleFromSchema(part, root, depth + 1) ?? {}));
  }
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== "null") : node.type;
  switch (type) {
    case "object": {
      const properties = asSchema(node.properties) ?? {};
      return Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, sampleFromSchema(value, root, depth + 1)]),
      );
    }
    case "array": {
      const item = sampleFromSchema(node.items, root, depth + 1);
      const count = typeof node.minItems === "number" && node.minItems > 1 ? node.minItems : 1;
      return Array.from({ length: Math.min(count, 3) }, () => item);
    }
    case "string": {
      if (typeof node.format === "string" && STRING_FORMATS[node.format]) return STRING_FORMATS[node.format];
      return "string";
    }
    case "integer":
      return typeof node.minimum === "number" ? Math.ceil(node.minimum) : 0;
    case "number":
      return typeof node.minimum === "number" ? node.minimum : 0;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return null;
  }
}

// Only local references ("#/components/schemas/Error", "#/$defs/x") occur in our documents.
function resolveRef(ref: string, root: unknown): unknown {
  if (!ref.startsWith("#/")) return null;
  let node: unknown = root;
  for (const part of ref.slice(2).split("/")) node = asSchema(node)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  return node;
}
