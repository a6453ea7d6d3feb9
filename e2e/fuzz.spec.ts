import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { allPrincipals, type Principal } from "./principals";
import { stateFingerprint } from "./state-fingerprint";

/*
 * The audit of issue 13, kept as a suite. For every operation of the served OpenAPI document and
 * every server action of the build: generated malformed input (wrong types, missing and extra
 * fields, NUL bytes, huge strings, deep nesting, prototype keys, bad ids, another workspace's
 * ids) never gets a 5xx and never changes the registry (fingerprint before = after); and the
 * authorisation matrix (every operation x anonymous, each role, each token scope, another
 * workspace's admin) never lets an unauthorised caller succeed. Counts are printed.
 */

type Auth = { public?: true; role?: "viewer" | "author" | "approver" | "admin"; scope?: "read" | "ingest" | "apply" };
interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  auth: Auth;
  query: string[];
  bodyProperties: Record<string, { type?: string }>;
  bodyTypes: string[];
}

type Ids = Record<"view" | "service" | "feature" | "token" | "user" | "alert", string>;

const RANK = { viewer: 0, author: 1, approver: 2, admin: 3 } as const;

function mayCall(principal: Principal, auth: Auth): boolean {
  if (auth.public) return true;
  if (principal.kind === "anonymous") return false;
  if (principal.kind === "token") return auth.scope === principal.scope;
  return RANK[principal.role] >= RANK[auth.role ?? "viewer"];
}

const HUGE = "x".repeat(200_000);
const DEEP = "[".repeat(20_000) + "]".repeat(20_000);
const BAD_IDS = ["does-not-exist", "%25", "%00", "a%00b", "x".repeat(2_000), "__proto__", "..%2F..%2Fetc", "%E0%A4%A"];
/** Written as they go on the wire: NUL, a bare %, an invalid UTF-8 escape, numbers out of range, ... */
const BAD_QUERY_VALUES = ["a%00b", "%", "%E0%A4%A", "-1", "NaN", "1e999", "%5B%5D", "__proto__", "x".repeat(20_000)];

/**
 * Bodies that would be accepted, so that a refusal in the matrix is the authorisation's doing
 * and not the validation's. Operations not listed get `{}`.
 */
const VALID_BODIES: Record<string, unknown> = {
  "POST /api/v1/tokens": { name: "matrix", scopes: ["read"] },
  "PATCH /api/v1/users/{id}": { role: "admin" },
  "POST /api/v1/promotions/{number}/reviews": { decision: "approve" },
  "POST /api/v1/catalog/{kind}/{id}/comments": { body: "matrix" },
  "PATCH /api/v1/catalog/{kind}/{id}/ownership": { owner: "matrix@example.com" },
  "POST /api/v1/environments": { name: "matrix", requiredApprovals: 1 },
  "PATCH /api/v1/environments/{name}": { requiredApprovals: 3 },
  "POST /api/v1/definitions/{kind}/{id}/revert": { versionNumber: 1, baseVersionNumber: 1 },
};

/** Bodies that are never valid for any operation. */
function badBodies(op: Operation): Array<{ label: string; data: string; type?: string }> {
  const bodies: Array<{ label: string; data: string; type?: string }> = [
    { label: "empty", data: "" },
    { label: "array", data: "[]" },
    { label: "string", data: '"text"' },
    { label: "number", data: "42" },
    { label: "null", data: "null" },
    { label: "malformed", data: '{"a":' },
    { label: "deep", data: DEEP },
    { label: "prototype", data: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}' },
    { label: "nul", data: '{"name":"a\\u0000b"}' },
    { label: "text/plain", data: "{}", type: "text/plain" },
  ];
  for (const [name, schema] of Object.entries(op.bodyProperties)) {
    const wrong = schema.type === "string" ? 12345 : schema.type === "array" ? { not: "an array" } : "not-a-number";
    bodies.push({ label: `${name}:wrong-type`, data: JSON.stringify({ [name]: wrong }) });
    bodies.push({ label: `${name}:nul`, data: JSON.stringify({ [name]: "a\u0000b", extra: true }) });
    bodies.push({ label: `${name}:huge`, data: JSON.stringify({ [name]: HUGE }) });
  }
  return bodies;
}

function readOperations(document: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [route, methods] of Object.entries(document.paths)) {
    for (const [method, spec] of Object.entries(methods)) {
      const parameters = (spec.parameters ?? []) as Array<{ name: string; in: string }>;
      const content = ((spec.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content ??
        {}) as Record<string, { schema?: { properties?: Record<string, { type?: string }> } }>;
      const firstBody = Object.values(content)[0]?.schema;
      operations.push({
        method: method as Operation["method"],
        path: route,
        auth: (spec["x-featureline-auth"] ?? { public: true }) as Auth,
        query: parameters.filter((p) => p.in === "query").map((p) => p.name),
        bodyProperties: firstBody?.properties ?? {},
        bodyTypes: Object.keys(content),
      });
    }
  }
  return operations;
}

async function send(
  api: APIRequestContext,
  method: Operation["method"],
  url: string,
  body?: { data: string; type?: string },
): Promise<APIResponse> {
  return api.fetch(url, {
    method: method.toUpperCase(),
    ...(body && method !== "get"
      ? { data: body.data, headers: { "content-type": body.type ?? "application/json" } }
      : {}),
    maxRedirects: 0,
    timeout: 30_000,
  });
}

test.describe.configure({ mode: "serial" });

test("fuzz and authorisation matrix: no 5xx, no unauthorised success, nothing changed", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const { principals, admin } = await allPrincipals(playwright, baseURL!);
  const document = await (await admin.get("/api/v1/openapi.json")).json();
  const operations = readOperations(document);
  expect(operations.length).toBeGreaterThan(50);

  // Real ids of workspace acme, for the matrix and for another workspace's admin.
  const hit = async (kind: string) =>
    (await (await admin.get(`/api/v1/catalog?kind=${kind}&limit=1`)).json()).hits[0].id as string;
  const victimToken = await (
    await admin.post("/api/v1/tokens", { data: { name: "matrix-victim", scopes: ["read"] } })
  ).json();
  const users = (await (await admin.get("/api/v1/users")).json()).users as Array<{ id: string; role: string }>;
  const alerts = (await (await admin.get("/api/v1/alerts")).json()) as { alerts?: Array<{ id: string }> };
  const ids: Ids = {
    view: await hit("feature_view"),
    service: await hit("feature_service"),
    feature: await hit("feature"),
    token: victimToken.id,
    user: users.find((user) => user.role === "viewer")!.id,
    alert: alerts.alerts?.[0]?.id ?? "no-alert",
  };
  const realUrl = (route: string) =>
    route
      .replace("/tokens/{id}", `/tokens/${ids.token}`)
      .replace("/users/{id}", `/users/${ids.user}`)
      .replace("/alerts/{id}", `/alerts/${ids.alert}`)
      .replace("/monitoring/serving/{id}", `/monitoring/serving/${ids.service}`)
      .replace("/monitoring/features/{id}", `/monitoring/features/${ids.feature}`)
      .replace("{kind}", "feature_view")
      .replace("{id}", ids.view)
      .replace("{number}", "1")
      .replace("{name}", "staging");
  const bogusUrl = (route: string, id = "does-not-exist") =>
    route
      .replace("{kind}", "feature_view")
      .replace("{number}", "987654")
      .replace("{name}", "no-such-env")
      .replace("{id}", id);

  const beta = principals.find((p) => p.kind === "user" && p.workspace === "beta")!.api;
  const before = await stateFingerprint(admin, beta);
  const failures: string[] = [];
  const counts = { matrix: 0, matrixRefused: 0, crossWorkspace: 0, queries: 0, paths: 0, bodies: 0, actions: 0 };
  const check = (label: string, response: APIResponse, expectation: (status: number) => boolean) => {
    if (!expectation(response.status())) failures.push(`${label} -> ${response.status()}`);
  };

  // ---- the authorisation matrix
  for (const op of operations) {
    for (const principal of principals) {
      const allowed = mayCall(principal, op.auth);
      const crossWorkspace = principal.kind === "user" && principal.workspace === "beta";
      if (allowed && op.method !== "get" && !(crossWorkspace && /\{(id|number)\}/.test(op.path))) continue;
      counts.matrix += 1;
      const body = JSON.stringify(VALID_BODIES[`${op.method.toUpperCase()} ${op.path}`] ?? {});
      const response = await send(principal.api, op.method, realUrl(op.path), { data: body });
      const label = `${principal.name} ${op.method.toUpperCase()} ${op.path}`;
      if (!allowed) {
        counts.matrixRefused += 1;
        check(label, response, (status) => status === 401 || status === 403);
      } else if (crossWorkspace && /\{(id|number)\}/.test(op.path)) {
        counts.crossWorkspace += 1;
        check(label, response, (status) => status >= 400 && status < 500 && status !== 403);
      } else {
        check(label, response, (status) => status < 500);
      }
    }
  }

  // ---- malformed input, as the workspace admin (allowed everywhere)
  for (const op of operations) {
    if (op.path === "/api/v1/monitoring/evaluate") continue; // no input; evaluating writes by design
    const url = op.method === "get" ? realUrl(op.path) : bogusUrl(op.path);
    for (const name of [...op.query, "__proto__[polluted]", "constructor.prototype.x"]) {
      for (const value of BAD_QUERY_VALUES) {
        counts.queries += 1;
        const separator = url.includes("?") ? "&" : "?";
        const response = await send(
          admin,
          op.method,
          `${url}${separator}${encodeURIComponent(name)}=${value}&${encodeURIComponent(name)}=2`,
        );
        check(`query ${op.method} ${op.path} ${name}=${value.slice(0, 12)}`, response, (status) => status < 500);
      }
    }
    if (/\{\w+\}/.test(op.path)) {
      for (const bad of BAD_IDS) {
        counts.paths += 1;
        const raw = op.path.replace(/\{\w+\}/g, bad);
        check(
          `path ${op.method} ${raw.slice(0, 80)}`,
          await send(admin, op.method, raw, { data: "{}" }),
          (s) => s < 500,
        );
      }
    }
    if (op.method !== "get") {
      for (const body of badBodies(op)) {
        counts.bodies += 1;
        const response = await send(admin, op.method, url, body);
        check(`body ${op.method} ${op.path} ${body.label}`, response, (status) => status < 500);
      }
    }
  }

  // ---- server actions of the build: malformed calls and well-formed forms with bad ids
  for (const action of serverActions()) {
    for (const call of actionCalls(action, ids)) {
      // acme's own ids are valid for acme's admin: only another workspace's admin sends them.
      for (const caller of call.label === "acme ids" ? [beta] : [admin, beta]) {
        counts.actions += 1;
        const response = await caller.fetch(action.page, {
          method: "POST",
          headers: { "next-action": action.id, ...(call.type ? { "content-type": call.type } : {}) },
          ...(call.multipart ? { multipart: call.multipart } : { data: call.data }),
          maxRedirects: 0,
        });
        check(`action ${action.name} ${call.label}`, response, (status) => status < 500);
      }
    }
  }

  const after = await stateFingerprint(admin, beta);
  console.log(
    `security fuzz: ${operations.length} operations x ${principals.length} principals; ` +
      `matrix ${counts.matrix} calls (${counts.matrixRefused} unauthorised, ${counts.crossWorkspace} cross-workspace); ` +
      `fuzz ${counts.queries} query, ${counts.paths} path, ${counts.bodies} body inputs; ` +
      `${counts.actions} server-action calls over ${serverActions().length} actions; ${failures.length} failures`,
  );
  expect(failures).toEqual([]);
  expect(after).toEqual(before);
});

// ---------------------------------------------------------------- server actions

interface ServerAction {
  id: string;
  name: string;
  /** A page whose worker loads the action. */
  page: string;
}

/** Every server action of the production build, from Next's manifest, with a page that serves it. */
function serverActions(): ServerAction[] {
  const manifestPath = path.join(process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((key) => !key.includes("[")) ?? Object.keys(entry.workers)[0]!;
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]*\)/g, "") || "/";
    return { id, name: entry.exportedName ?? id, page: page.includes("[") ? "/" : page };
  });
}

const FIELDS = [
  "workspace",
  "environment",
  "name",
  "scopes",
  "tokenId",
  "userId",
  "role",
  "kind",
  "id",
  "starred",
  "body",
  "owner",
  "team",
  "featureIds",
  "serviceId",
  "newServiceName",
  "alertId",
  "featureId",
  "environmentId",
  "intent",
  "windowStart",
  "windowEnd",
  "ruleId",
  "enabled",
  "rawRetentionDays",
  "requiredApprovals",
  "blockOnHealth",
  "position",
  "sourceEnvironment",
  "title",
  "description",
  "item",
  "number",
  "decision",
  "comment",
  "objectId",
  "versionNumber",
  "baseVersionNumber",
  // Admin, SSO, account and alerting forms. Not "slug" nor "location": with "name" they would
  // make a well-formed workspace or Feast connection out of "does-not-exist", a real write.
  "email",
  "inviteId",
  "groupName",
  "currentPassword",
  "newPassword",
  "confirmPassword",
  "channelId",
  "note",
  "minutes",
  "target",
  "minSeverity",
  "teamId",
  "threshold",
  "statistic",
  "object",
  "project",
  "intervalSeconds",
];

const BUTTON_ACTIONS = new Set([
  "switchWorkspaceAction",
  "switchEnvironmentAction",
  "revokeApiTokenAction",
  "toggleStarAction",
  "acknowledgeAlertAction",
  "toggleMonitorAction",
  "evaluateNowAction",
]);

/** React's reply encoding: part "0" is the argument list; "$K1" is a FormData whose fields are "1_<name>". */
function encodeForm(arity: "button" | "form" | "value", fields: Record<string, string>) {
  const multipart: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) multipart[`1_${name}`] = value;
  multipart["0"] = JSON.stringify(
    arity === "button" ? ["$K1"] : arity === "form" ? [{ status: "idle" }, "$K1"] : [fields],
  );
  return multipart;
}

function actionCalls(action: ServerAction, ids: Ids) {
  if (action.name === "evaluateNowAction") return [{ label: "malformed", data: "[", type: "text/plain;charset=UTF-8" }];
  const arity = BUTTON_ACTIONS.has(action.name) ? "button" : action.name === "saveDefinitionAction" ? "value" : "form";
  const calls: Array<{ label: string; data?: string; type?: string; multipart?: Record<string, string> }> = [
    { label: "invalid JSON", data: "[", type: "text/plain;charset=UTF-8" },
    { label: "not a list", data: '{"0":1}', type: "text/plain;charset=UTF-8" },
    { label: "wrong types", data: '[1,"two",null,{"__proto__":{"x":1}}]', type: "text/plain;charset=UTF-8" },
    { label: "dangling reference", data: '["$K9","$K9"]', type: "text/plain;charset=UTF-8" },
    { label: "deep", data: "[" + DEEP + "]", type: "text/plain;charset=UTF-8" },
    { label: "no fields", multipart: encodeForm(arity, {}) },
  ];
  for (const value of ["does-not-exist", "a\u0000b", "x".repeat(15_000), "%", "__proto__", "-1"]) {
    const fields = Object.fromEntries(FIELDS.map((field) => [field, value]));
    calls.push({ label: `fields=${value.slice(0, 12)}`, multipart: encodeForm(arity, fields) });
  }
  // Another workspace's ids (for beta's admin), and unknown ones (for acme's).
  calls.push({
    label: "acme ids",
    multipart: encodeForm(arity, {
      tokenId: ids.token,
      alertId: ids.alert,
      userId: ids.user,
      role: "admin",
      kind: "feature_view",
      id: ids.view,
      objectId: ids.view,
      featureId: ids.feature,
      starred: "1",
      ruleId: ids.view,
      enabled: "false",
      number: "1",
      decision: "approve",
      workspace: "acme",
      environment: "prod",
    }),
  });
  return calls;
}
