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
