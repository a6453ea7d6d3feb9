import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Parsed lazily (never at import time) so that `next build`
 * does not need a configured environment.
 */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const ROLE_NAMES = ["viewer", "author", "approver", "admin"] as const;

export interface GroupRoleMapping {
  group: string;
  workspaceSlug: string;
  role: (typeof ROLE_NAMES)[number];
}

/**
 * `group=workspace:role;group2=workspace:role`. The group is everything before the last "=",
 * so group names with spaces or colons work. Returns an error message when malformed.
 */
export function parseRoleMap(text: string): GroupRoleMapping[] | string {
  const mappings: GroupRoleMapping[] = [];
  for (const entry of text.split(";").map((part) => part.trim())) {
    if (!entry) continue;
    const equals = entry.lastIndexOf("=");
    const group = entry.slice(0, equals).trim();
    const target = entry.slice(equals + 1).trim();
    const colon = target.lastIndexOf(":");
    const workspaceSlug = target.slice(0, colon).trim();
    const role = target.slice(colon + 1).trim();
    if (equals <= 0 || !group || colon <= 0 || !workspaceSlug) {
      return `has "${entry}", expected group=workspace:role (entries separated by ";")`;
    }
    if (!(ROLE_NAMES as readonly string[]).includes(role)) {
      return `has "${entry}": the role must be one of ${ROLE_NAMES.join(", ")}`;
    }
    mappings.push({ group, workspaceSlug, role: role as GroupRoleMapping["role"] });
  }
  return mappings;
}

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
      message: "must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)",
    }),
  FEATURELINE_DATA_DIR: z.string().trim().min(1).default(".data"),
  /** Set by `npm start` for the server it spawns: the pid holding the embedded data directory. */
  FEATURELINE_DATA_DIR_HOLDER: z.coerce.number().int().positive().optional(),
  FEATURELINE_DEMO: z.enum(["0", "1"]).default("1"),
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** The public URL of the app (next-auth's setting): its origin is trusted for signed-in writes, links in notifications use it. */
  NEXTAUTH_URL: optionalText.refine((value) => value === undefined || isHttpUrl(value), {
    message: "must be an http(s) URL",
  }),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  FEATURELINE_TRUSTED_PROXIES: z
    .string()
    .trim()
    .default("0")
    .refine((value) => /^(10|[0-9])$/.test(value), { message: "must be a whole number of proxy hops, 0 to 10" })
    .transform(Number),
  FEATURELINE_PASSWORD_LOGIN: z.enum(["0", "1"], { message: 'must be "0" or "1"' }).default("1"),
  FEATURELINE_OIDC_ISSUER: optionalText.refine((value) => value === undefined || isHttpUrl(value), {
    message: "must be the issuer's http(s) URL, e.g. https://acme.okta.com",
  }),
  FEATURELINE_OIDC_CLIENT_ID: optionalText,
  FEATURELINE_OIDC_CLIENT_SECRET: optionalText,
  FEATURELINE_OIDC_NAME: optionalText.transform((value) => value ?? "single sign-on"),
  FEATURELINE_OIDC_SCOPES: optionalText
    .transform((value) => value ?? "openid email profile")
    .refine((value) => value.split(/\s+/).includes("openid"), { message: 'must include "openid"' }),
  FEATURELINE_OIDC_GROUPS_CLAIM: optionalText.transform((value) => value ?? "groups"),
  FEATURELINE_OIDC_ROLE_MAP: optionalText.transform((value, context) => {
    const parsed = parseRoleMap(value ?? "");
    if (typeof parsed === "string") {
      context.addIssue({ code: "custom", message: parsed });
      return z.NEVER;
    }
    return parsed;
  }),
  /**
   * Server processes `npm start` runs on PostgreSQL (default: one per core, at most 4). The
   * embedded database is one process's, so without DATABASE_URL it is always 1.
   */
  FEATURELINE_WORKERS: z.coerce.number().int().min(1).max(32).optional(),
  /** "0" turns the in-process scheduler off (e.g. a process that only serves pages). */
  FEATURELINE_SCHEDULER: z.enum(["0", "1"]).default("1"),
  /** How often a server process looks for due scheduler tasks. */
  FEATURELINE_SCHEDULER_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /**
   * "0": this process runs no background jobs (applies, Feast imports and syncs queued with 202);
   * another instance on the same PostgreSQL runs them. On the embedded database keep it on.
   */
  FEATURELINE_JOBS: z.enum(["0", "1"]).default("1"),
  /** How often a server process looks for queued jobs (a job queued on this instance starts at once). */
  FEATURELINE_JOB_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /** Interval of the freshness evaluation (the other rules run on their own windows). */
  FEATURELINE_FRESHNESS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /** A firing alert nobody acknowledged is notified again after this long. */
  FEATURELINE_ALERT_REPEAT_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(3_600),
  /** SMTP for email channels; without SMTP_HOST, email channels report "SMTP is not configured". */
  SMTP_HOST: z.string().trim().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587),
  /** "1": TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: z.enum(["0", "1"]).default("0"),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().trim().min(3).default("Featureline <alerts@featureline.local>"),
});

/** Settings that only make sense together, each error naming the variable to fix. */
const checkedEnvSchema = envSchema.superRefine((value, context) => {
  const oidc = {
    FEATURELINE_OIDC_ISSUER: value.FEATURELINE_OIDC_ISSUER,
    FEATURELINE_OIDC_CLIENT_ID: value.FEATURELINE_OIDC_CLIENT_ID,
    FEATURELINE_OIDC_CLIENT_SECRET: value.FEATURELINE_OIDC_CLIENT_SECRET,
  };
  const set = Object.values(oidc).some(Boolean);
  for (const [name, setting] of Object.entries(oidc)) {
    if (set && !setting) {
      context.addIssue({
        code: "custom",
        path: [name],
        message:
          "is required when single sign-on is configured (set FEATURELINE_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET)",
      });
    }
  }
  if (!value.DATABASE_URL && value.FEATURELINE_WORKERS && value.FEATURELINE_WORKERS > 1) {
    context.addIssue({
      code: "custom",
      path: ["FEATURELINE_WORKERS"],
      message: "is over 1, but the embedded database allows one process (set DATABASE_URL to run more)",
    });
  }
  if (value.FEATURELINE_PASSWORD_LOGIN === "0" && !set) {
    context.addIssue({
      code: "custom",
      path: ["FEATURELINE_PASSWORD_LOGIN"],
      message: "is 0, but without FEATURELINE_OIDC_ISSUER nobody could sign in",
    });
  }
});

export type Env = z.infer<typeof envSchema>;

/** Single sign-on settings, or null when the instance uses passwords only. */
export function oidcSettings() {
  const config = env();
  if (!config.FEATURELINE_OIDC_ISSUER || !config.FEATURELINE_OIDC_CLIENT_ID || !config.FEATURELINE_OIDC_CLIENT_SECRET) {
    return null;
  }
  return {
    issuer: config.FEATURELINE_OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: config.FEATURELINE_OIDC_CLIENT_ID,
    clientSecret: config.FEATURELINE_OIDC_CLIENT_SECRET,
    name: config.FEATURELINE_OIDC_NAME,
    scopes: config.FEATURELINE_OIDC_SCOPES,
    groupsClaim: config.FEATURELINE_OIDC_GROUPS_CLAIM,
    roleMap: config.FEATURELINE_OIDC_ROLE_MAP,
  };
}

export function passwordLoginEnabled(): boolean {
  return env().FEATURELINE_PASSWORD_LOGIN === "1";
}

/**
 * How many server processes `npm start` runs: one per core on PostgreSQL (a Node.js process
 * renders on one core; the processes share the port, and each other's writes through the
 * database), capped at 4 so a large machine does not hold 10 connections per process to spare.
 */
export function serverProcessCount(config: Env, cores = availableParallelism()): number {
  if (!config.DATABASE_URL) return 1;
  return config.FEATURELINE_WORKERS ?? Math.max(1, Math.min(cores, 4));
}

let cached: Env | undefined;

/** Parses settings from `source`, throwing one error that names the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = checkedEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Configuration error: ${issue.path.join(".")} ${issue.message}`);
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Absolute path of the embedded database's data directory. */
export function dataDir(): string {
  return path.resolve(env().FEATURELINE_DATA_DIR);
}
