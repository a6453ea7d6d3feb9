import { z } from "zod";
import { TOKEN_SCOPES } from "@/lib/auth/tokens";

export const roleSchema = z.enum(["viewer", "author", "approver", "admin"]);

export const apiTokenInputSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(80, "At most 80 characters"),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, "Choose at least one scope"),
});
export type ApiTokenInput = z.infer<typeof apiTokenInputSchema>;

export const roleChangeInputSchema = z.object({ role: roleSchema });

export const idParamSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9_-]+$/, "Not a valid id");

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const createdApiTokenSchema = apiTokenSchema
  .pick({ id: true, name: true, prefix: true, scopes: true, createdAt: true })
  .extend({ token: z.string().describe("The token in clear. Shown once; only its hash is stored.") });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});

export const meSchema = z.object({
  kind: z.enum(["user", "token"]),
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).optional(),
  token: z.object({ id: z.string(), name: z.string(), scopes: z.array(z.enum(TOKEN_SCOPES)) }).optional(),
  workspace: z.object({ id: z.string(), slug: z.string() }),
  workspaces: z.array(z.object({ id: z.string(), slug: z.string(), role: roleSchema })),
});

export const healthSchema = z.object({
  status: z.enum(["ok", "error"]),
  database: z.object({
    engine: z.enum(["pglite", "postgresql"]),
    reachable: z.boolean(),
    migrationsApplied: z.number().int(),
    migrationsKnown: z.number().int(),
    error: z.string().optional(),
  }),
});

// ---------------------------------------------------------------- workspaces and Feast sync

export const workspaceSlugSchema = z
  .string()
  .trim()
  .min(2, "At least 2 characters")
  .max(48, "At most 48 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Lower-case letters, digits and dashes");

export const workspaceInputSchema = z.object({
  slug: workspaceSlugSchema,
  name: z.string().trim().min(1, "Required").max(120),
  description: z.string().trim().max(2000).optional(),
});

export const feastConnectionInputSchema = z.object({
  location: z
    .string()
    .trim()
    .min(1, "Required")
    .max(2000)
    .refine((value) => /^https?:\/\//i.test(value) || value.startsWith("/"), {
      message: "An absolute path on the server (/srv/feast/data/registry.db) or an http(s):// URL",
    }),
  project: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => value || null),
  intervalSeconds: z.coerce.number().int().min(30, "At least 30 seconds").max(86_400, "At most a day").default(300),
  /** The environment the registry runs in (a name); empty means the first one, dev. */
  environment: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((value) => value || null),
  enabled: z.boolean().default(true),
});

export const feastSyncRunSchema = z.object({
  id: z.string(),
  trigger: z.string(),
  startedAt: z.string(),
  durationMs: z.number().int(),
  status: z.enum(["success", "unchanged", "failed"]),
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  skipped: z.number().int(),
  error: z.string().nullable(),
});
