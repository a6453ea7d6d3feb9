import type { JsonSchema } from "@/lib/api/reference";

/*
 * A JSON Schema as a readable tree: each property with its type, whether it is required,
 * its constraints and description; nested objects and list items indented below it.
 */

const MAX_DEPTH = 6;

function asSchema(value: unknown): JsonSchema | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonSchema) : null;
}

function options(schema: JsonSchema): JsonSchema[] {
  const list: unknown = schema.anyOf ?? schema.oneOf;
  if (!Array.isArray(list)) return [];
  return list.flatMap((option: unknown) => {
    const parsed = asSchema(option);
    return parsed ? [parsed] : [];
  });
}

/** "string", "integer", "array of object", "string | null", "\"a\" | \"b\"". */
export function typeLabel(schema: JsonSchema): string {
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop() ?? "object";
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  const variants = options(schema);
  if (variants.length > 0) return [...new Set(variants.map(typeLabel))].join(" | ");
  const type = Array.isArray(schema.type)
    ? schema.type.join(" | ")
    : typeof schema.type === "string"
      ? schema.type
      : "any";
  if (type === "array") {
    const item = asSchema(schema.items);
    return `array of ${item ? typeLabel(item) : "any"}`;
  }
  return typeof schema.format === "string" ? `${type} (${schema.format})` : type;
}

function constraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  const add = (key: string, label: string) => {
    if (schema[key] !== undefined) out.push(`${label} ${JSON.stringify(schema[key])}`);
  };
  add("default", "default");
  add("minimum", "≥");
  add("exclusiveMinimum", ">");
  add("maximum", "≤");
  add("exclusiveMaximum", "<");
  add("minLength", "min length");
  add("maxLength", "max length");
  add("minItems", "min items");
  add("maxItems", "max items");
  add("pattern", "pattern");
  return out;
}

/** The object schema whose properties a row nests: the object itself, its items, or an option. */
function nestedObject(schema: JsonSchema): JsonSchema | null {
  if (asSchema(schema.properties)) return schema;
  const items = asSchema(schema.items);
  if (items) return nestedObject(items);
  for (const option of options(schema)) {
    const nested = nestedObject(option);
    if (nested) return nested;
  }
  return null;
}

function Properties({ schema, depth }: { schema: JsonSchema; depth: number }) {
  const properties = Object.entries(asSchema(schema.properties) ?? {});
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  if (properties.length === 0) return <p className="text-xs text-slate-500">Any object.</p>;
  return (
    <ul className={depth > 0 ? "ml-3 border-l border-slate-200 pl-3" : ""}>
      {properties.map(([name, raw]) => {
        const property = asSchema(raw) ?? {};
        const nested = depth < MAX_DEPTH ? nestedObject(property) : null;
        return (
          <li key={name} className="py-1" data-property={name}>
            <div className="flex flex-wrap items-baseline gap-x-2">
              <code className="text-xs font-semibold text-slate-900">{name}</code>
              <span className="break-all font-mono text-xs text-slate-500">{typeLabel(property)}</span>
              {required.has(name) ? <span className="text-xs font-medium text-red-700">required</span> : null}
              {constraints(property).map((text) => (
                <span key={text} className="break-all text-xs text-slate-500">
                  {text}
                </span>
              ))}
            </div>
            {typeof property.description === "string" ? (
              <p className="text-xs text-slate-600">{property.description}</p>
            ) : null}
            {nested ? <Properties schema={nested} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function SchemaView({ schema }: { schema: JsonSchema }) {
  const object = nestedObject(schema);
  return (
    <div className="text-sm" data-testid="schema">
      {object && object !== schema ? (
        <p className="mb-1 font-mono text-xs text-slate-500">{typeLabel(schema)}</p>
      ) : null}
      {object ? <Properties schema={object} depth={0} /> : <p className="font-mono text-xs">{typeLabel(schema)}</p>}
    </div>
  );
}
