import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Parsed lazily (never at import time) so that `next build`
 * does not need a configured environment.
 */
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
  FEATURELINE_DEMO: z.enum(["0", "1"]).default("1"),
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Public address of the app, for links in notifications (`npm start` sets it). */
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
  /** "0" turns the in-process scheduler off (e.g. a process that only serves pages). */
  FEATURELINE_SCHEDULER: z.enum(["0", "1"]).default("1"),
  /** How often a server process looks for due scheduler tasks. */
  FEATURELINE_SCHEDULER_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
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

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Configuration error: ${issue.path.join(".")} ${issue.message}`);
  }
  cached = parsed.data;
  return cached;
}

/** Absolute path of the embedded database's data directory. */
export function dataDir(): string {
  return path.resolve(env().FEATURELINE_DATA_DIR);
}
