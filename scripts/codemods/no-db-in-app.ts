/**
 * Codemod: pages, route handlers, server actions and components never hold the database client.
 *
 * For every `fn(db(), ...)` in app/ and components/, where `fn` is imported from `@/lib/data/<area>`
 * (or `@/lib/api/<area>`, `@/lib/jobs/<module>`), it
 *   1. makes sure `lib/server/<area>.ts` exports `fn` bound to the app's client (`bindDb`),
 *   2. rewrites the call to `fn(...)` and imports `fn` from `@/lib/server/<area>` instead,
 *   3. drops `import { db } from "@/lib/db"` once nothing uses it,
 * then runs Prettier on the files it changed. Re-runnable: a tree already converted is left alone.
 *
 *   npx tsx scripts/codemods/no-db-in-app.ts          # rewrite
 *   npx tsx scripts/codemods/no-db-in-app.ts --check  # list what it would change, exit 1 if anything
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const root = process.cwd();
const checkOnly = process.argv.includes("--check");
const SOURCE_ROOTS = ["app", "components"];
// lib/jobs keeps its folder name under lib/server (lib/server/jobs/queue.ts) so it cannot collide with a data area.
const BOUND_FROM = /^@\/lib\/(?:data\/|api\/|(?=jobs\/))(.+)$/;

interface NamedImport {
  statement: string;
  /** Names moved from this statement to lib/server. */
  moved: string[];
  typeOnly: boolean;
  names: string[];
  from: string;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (/\.(ts|tsx)$/.test(entry)) out.push(path);
  }
  return out;
}

function parseImports(source: string): NamedImport[] {
  const found: NamedImport[] = [];
  for (const match of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*"([^"]+)";?/g)) {
    found.push({
      statement: match[0],
      moved: [],
      typeOnly: Boolean(match[1]),
      names: (match[2] ?? "")
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean),
      from: match[3] ?? "",
    });
  }
  return found;
}

/** `getObjectDetail` or `type Foo` or `a as b` → the local name. */
function localName(specifier: string): string {
  return specifier
    .replace(/^type\s+/, "")
    .split(/\s+as\s+/)
    .pop()!;
}

function importStatement(names: string[], from: string, typeOnly = false): string {
  return `import ${typeOnly ? "type " : ""}{ ${names.join(", ")} } from "${from}";`;
}

/** Adds `export const fn = bindDb(data.fn);` to lib/server/<area>.ts, creating the file if needed. */
const boundFiles = new Map<string, string>();
function ensureBound(area: string, dataModule: string, fn: string): void {
  const path = join(root, "lib/server", `${area}.ts`);
  let text = boundFiles.get(path) ?? (existsSync(path) ? readFileSync(path, "utf8") : undefined);
  const importLine = `import * as data from "${dataModule}";`;
  if (text === undefined) {
    text = [
      `// ${dataModule} bound to the app's database client (see lib/server/bind.ts).`,
      `import "server-only";`,
      importLine,
      `import { bindDb } from "@/lib/server/bind";`,
      ``,
    ].join("\n");
  } else if (!text.includes(importLine)) {
    throw new Error(`lib/server/${area}.ts binds another module than ${dataModule}`);
  }
  if (new RegExp(`^export const ${fn} = `, "m").test(text)) {
    boundFiles.set(path, text);
    return;
  }
  const line = `export const ${fn} = bindDb(data.${fn});`;
  const lines = text.replace(/\n+$/, "").split("\n");
  const exports = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith("export const "));
  const after = exports.find(([l]) => l > line);
  if (after) lines.splice(after[1], 0, line);
  else lines.push(...(exports.length === 0 ? ["", line] : [line]));
  boundFiles.set(path, lines.join("\n") + "\n");
}

function convert(path: string): string | undefined {
  const original = readFileSync(path, "utf8");
  if (!/\bdb\(\)/.test(original)) return undefined;
  let source = original;
  const imports = parseImports(source);
  const moduleOf = new Map<string, NamedImport>();
  for (const entry of imports) for (const name of entry.names) moduleOf.set(localName(name), entry);

  const calls = new Set<string>();
  for (const match of source.matchAll(/([A-Za-z_$][\w$]*)\(\s*db\(\)/g)) calls.add(match[1] ?? "");
  for (const fn of calls) {
    const entry = moduleOf.get(fn);
    const area = entry && BOUND_FROM.exec(entry.from)?.[1];
    if (!entry || !area || entry.typeOnly) {
      throw new Error(
        `${path}: ${fn}(db(), ...) is not imported from @/lib/data, @/lib/api or @/lib/jobs; convert it by hand`,
      );
    }
    const specifier = entry.names.find((name) => localName(name) === fn)!;
    if (specifier !== fn) throw new Error(`${path}: ${specifier} is renamed or a type; convert it by hand`);
    ensureBound(area, entry.from, fn);
    entry.moved.push(fn);
    entry.names = entry.names.filter((name) => name !== fn);
  }

  // Calls: `fn(db(), x)` → `fn(x)`, `fn(db())` → `fn()`, including the multi-line form.
  source = source.replace(/([A-Za-z_$][\w$]*)\(\s*db\(\)\s*(?:,\s*)?/g, "$1(");
  if (/\bdb\(\)/.test(source)) throw new Error(`${path}: db() is still used outside a data call; convert it by hand`);

  // Imports: shrink the lib/data statements, then add (or extend) the lib/server ones after them.
  for (const entry of imports) {
    if (entry.moved.length === 0) continue;
    const target = `@/lib/server/${BOUND_FROM.exec(entry.from)![1]}`;
    const names = entry.moved;
    const existing = imports.find((other) => other.from === target && !other.typeOnly);
    const replacement: string[] = [];
    if (entry.names.length > 0) replacement.push(importStatement(entry.names, entry.from, entry.typeOnly));
    if (existing) {
      source = source.replace(existing.statement, importStatement([...existing.names, ...names].sort(), target));
    } else {
      replacement.push(importStatement([...names].sort(), target));
    }
    source = source.replace(entry.statement, replacement.join("\n"));
  }
  source = source.replace(/^import \{ db \} from "@\/lib\/db";\n/m, "");
  return source === original ? undefined : source;
}

const changed: string[] = [];
for (const dir of SOURCE_ROOTS) {
  for (const path of walk(join(root, dir))) {
    const next = convert(path);
    if (next === undefined) continue;
    changed.push(path);
    if (!checkOnly) writeFileSync(path, next);
  }
}
for (const [path, text] of boundFiles) {
  if (existsSync(path) && readFileSync(path, "utf8") === text) continue;
  changed.push(path);
  if (!checkOnly) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

for (const path of changed) console.log(path.slice(root.length + 1));
if (checkOnly) process.exit(changed.length > 0 ? 1 : 0);
if (changed.length > 0)
  execFileSync("npx", ["prettier", "--log-level", "warn", "--write", ...changed], { stdio: "inherit" });
console.log(`${changed.length} file(s) changed`);
