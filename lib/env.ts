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
  /** Set by `npm start` for the server it spawns: the pid holding the embedded data directory. */
  FEATURELINE_DATA_DIR_HOLDER: z.coerce.number().int().positive().optional(),
  FEATURELINE_DEMO: z.enum(["0", "1"]).default("1"),
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** The public URL of the app (next-auth's setting); its origin is trusted for signed-in writes. */
  NEXTAUTH_URL: z.string().trim().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
