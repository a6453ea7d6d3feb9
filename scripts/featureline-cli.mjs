#!/usr/bin/env node
// featureline plan|apply -f repo.yaml --url http://localhost:3000 --token flt_... [--prune]
// Sends a repository document to a Featureline server and prints the plan. Plain Node (>= 20),
// no dependencies: the server parses and validates the YAML or JSON.
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

export const USAGE = `Usage: featureline <plan|apply> -f <repo.yaml|repo.json|-> [options]

Commands:
  plan     Show what applying the document would create, update and delete. Writes nothing.
  apply    Apply the document in one transaction (one version per changed object).

Options:
  -f, --file <path>     Repository document (YAML or JSON); "-" reads standard input.
  --url <url>           Featureline server (default $FEATURELINE_URL or http://localhost:3000).
  --token <token>       API token with the "apply" scope (default $FEATURELINE_TOKEN).
  --prune               Also delete registry objects the document does not mention.
  -m, --message <text>  Version message for apply.
  --json                Print the server's JSON answer instead of the readable plan.
  --no-color            Plain output.
  -h, --help            This help.

Exit status: 0 on success, 1 when the server refuses the document or cannot be reached, 2 on
wrong usage.`;

/**
 * Parses argv (without node and script); returns options or { error }.
 * @param {string[]} argv
 * @returns {{ error?: string, command?: string, file?: string, url?: string, token?: string, message?: string, prune?: boolean, json?: boolean, color?: boolean, help?: boolean }}
 */
export function parseArgs(argv) {
  /** @type {{ command?: string, file?: string, url?: string, token?: string, message?: string, prune: boolean, json: boolean, color: boolean, help: boolean }} */
  const options = { prune: false, json: false, color: true, help: false };
  const rest = [...argv];
  while (rest.length > 0) {
    const arg = rest.shift();
    const value = () => {
      const next = rest.shift();
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    try {
      if (arg === "-h" || arg === "--help") options.help = true;
      else if (arg === "-f" || arg === "--file") options.file = value();
      else if (arg === "--url") options.url = value();
      else if (arg === "--token") options.token = value();
      else if (arg === "-m" || arg === "--message") options.message = value();
      else if (arg === "--prune") options.prune = true;
      else if (arg === "--json") options.json = true;
      else if (arg === "--no-color") options.color = false;
      else if (arg.startsWith("--") && arg.includes("=")) {
        const [flag, ...parts] = arg.split("=");
        rest.unshift(flag, parts.join("="));
      } else if (!arg.startsWith("-") && options.command === undefined) options.command = arg;
      else return { error: `Unknown argument: ${arg}` };
    } catch (error) {
      return { error: error.message };
    }
  }
  if (options.help) return options;
  if (options.command !== "plan" && options.command !== "apply") {
    return { error: options.command ? `Unknown command: ${options.command}` : "Missing command: plan or apply" };
  }
  if (!options.file) return { error: "Missing -f <file>" };
  return options;
}

function paint(enabled) {
  const wrap = (code) => (text) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : String(text));
  return { green: wrap(32), yellow: wrap(33), red: wrap(31), dim: wrap(2), bold: wrap(1) };
}

function show(value) {
  if (value === undefined) return "(none)";
  const text = JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/**
 * The plan as text: "+ create", "~ update" with field diffs, "- delete".
 * @param {any} result the server's plan or apply answer
 * @param {{ color?: boolean, command?: string }} [options]
 */
export function formatPlan(result, { color = false, command = "plan" } = {}) {
  const c = paint(color);
  const lines = [];
  for (const item of result.create) lines.push(c.green(`+ ${item.kind} ${item.name}`));
  for (const item of result.update) {
    lines.push(c.yellow(`~ ${item.kind} ${item.name}`));
    for (const change of item.changes) {
      if (change.change === "added") lines.push(c.green(`    + ${change.path}: ${show(change.after)}`));
      else if (change.change === "removed") lines.push(c.red(`    - ${change.path}: ${show(change.before)}`));
      else lines.push(`    ~ ${change.path}: ${show(change.before)} -> ${show(change.after)}`);
    }
  }
  for (const item of result.delete) lines.push(c.red(`- ${item.kind} ${item.name}`));
  for (const item of result.pruneRefused ?? [])
    lines.push(
      c.yellow(`! ${item.kind} ${item.name}: active in ${item.environments.join(", ")}; a prune may not remove it`),
    );
  for (const warning of result.warnings ?? []) lines.push(c.yellow(`warning: ${warning.path}: ${warning.message}`));
  const total = result.create.length + result.update.length + result.delete.length;
  const counts =
    `${result.create.length} to create, ${result.update.length} to update, ` +
    `${result.delete.length} to delete, ${result.unchanged} unchanged`;
  if (lines.length > 0) lines.push("");
  if (command === "apply" && result.applied) {
    lines.push(
      c.bold(
        total === 0
          ? `Nothing to apply (${result.unchanged} unchanged).`
          : `Applied: ${result.create.length} created, ${result.update.length} updated, ${result.delete.length} deleted, ${result.unchanged} unchanged; ${result.versions.length} version(s) written.`,
      ),
    );
  } else {
    lines.push(c.bold(total === 0 ? `No changes (${result.unchanged} unchanged).` : `Plan: ${counts}.`));
  }
  return lines.join("\n");
}

/**
 * A server error body as text, with each field path.
 * @param {number} status
 * @param {any} body
 * @param {{ file?: string, color?: boolean }} [options]
 */
export function formatError(status, body, { file, color = false } = {}) {
  const c = paint(color);
  const error = body && typeof body === "object" ? body.error : undefined;
  if (!error) return c.red(`Error: HTTP ${status}`);
  const lines = [c.red(`Error ${status} (${error.code}): ${error.message}`)];
  const at = error.details && typeof error.details === "object" ? error.details : undefined;
  if (file && at && typeof at.line === "number") lines.push(`  at ${file}:${at.line}:${at.column}`);
  for (const field of error.fields ?? []) lines.push(`  ${field.path || "(document)"}: ${field.message}`);
  return lines.join("\n");
}

function contentTypeOf(file, text) {
  if (/\.json$/i.test(file)) return "application/json";
  if (/\.ya?ml$/i.test(file)) return "application/yaml";
  return /^\s*[{[]/.test(text) ? "application/json" : "application/yaml";
}

async function readInput(file) {
  if (file !== "-") return readFileSync(file, "utf8");
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * @param {string[]} argv
 * @param {{ env?: Record<string, string | undefined>, stdout?: { write(text: string): unknown, isTTY?: boolean }, stderr?: { write(text: string): unknown } }} [io]
 * @returns {Promise<number>} the exit status
 */
export async function main(argv, { env = process.env, stdout = process.stdout, stderr = process.stderr } = {}) {
  const options = parseArgs(argv);
  if (options.error) {
    stderr.write(`${options.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  const color = options.color && Boolean(stdout.isTTY) && !env.NO_COLOR;
  let text;
  try {
    text = await readInput(options.file);
  } catch (error) {
    stderr.write(`Cannot read ${options.file}: ${error.message}\n`);
    return 2;
  }
  const base = options.url ?? env.FEATURELINE_URL ?? "http://localhost:3000";
  const token = options.token ?? env.FEATURELINE_TOKEN;
  let url;
  try {
    url = new URL(`/api/v1/${options.command}`, base);
  } catch {
    stderr.write(`Not a URL: ${base}\n`);
    return 2;
  }
  if (options.prune) url.searchParams.set("prune", "true");
  if (options.message && options.command === "apply") url.searchParams.set("message", options.message);

  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": contentTypeOf(options.file, text),
        accept: "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: text,
    });
  } catch (error) {
    stderr.write(`Cannot reach ${url.origin}: ${error.cause?.message ?? error.message}\n`);
    return 1;
  }
  let body;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    stderr.write(`${formatError(response.status, body, { file: options.file, color })}\n`);
    return 1;
  }
  if (response.status === 202 && body?.job?.url) {
    // A large document runs as a background job on the server: follow it to its result.
    const finished = await followJob(new URL(body.job.url, base), token, stderr);
    if (!finished.ok) {
      stderr.write(`${formatError(finished.status, finished.body, { file: options.file, color })}\n`);
      return 1;
    }
    body = finished.body;
  }
  stdout.write(
    options.json ? `${JSON.stringify(body, null, 2)}\n` : `${formatPlan(body, { color, command: options.command })}\n`,
  );
  return 0;
}

/**
 * Polls a job (`GET /api/v1/jobs/{id}`) once a second until it has succeeded or failed.
 * @param {URL} url
 * @param {string | undefined} token
 * @param {{ write(text: string): unknown }} stderr
 * @returns {Promise<{ ok: boolean, status: number, body: any }>}
 */
async function followJob(url, token, stderr) {
  let lastPhase = "";
  for (;;) {
    const response = await fetch(url, {
      headers: { accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const body = await response.json().catch(() => undefined);
    if (!response.ok) return { ok: false, status: response.status, body };
    const job = body.job;
    if (job.state === "succeeded") return { ok: true, status: 200, body: job.result };
    if (job.state === "failed") return { ok: false, status: job.error?.status ?? 500, body: { error: job.error } };
    const phase = job.progress?.phase ?? job.state;
    if (phase !== lastPhase) {
      const { done, total } = job.progress ?? {};
      stderr.write(`${phase}${total ? ` (${done}/${total})` : ""}…\n`);
      lastPhase = phase;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function isEntryPoint() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
}
