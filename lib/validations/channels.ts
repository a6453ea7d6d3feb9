import { z } from "zod";

/** An outgoing URL: http or https only (no file:, javascript:, gopher: ...), at most 2,000 characters. */
export const outgoingUrlSchema = z
  .string()
  .trim()
  .min(1, "Required")
  .max(2_000, "At most 2,000 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "Enter an http:// or https:// URL");

const emailList = z
  .string()
  .trim()
  .min(1, "Enter at least one address")
  .transform((value) =>
    value
      .split(/[,;\s]+/)
      .map((address) => address.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.email({ message: "Not an email address" }))
      .min(1, "Enter at least one address")
      .max(50, "At most 50 addresses"),
  )
  .transform((addresses) => addresses.join(", "));

const common = {
  name: z.string().trim().min(1, "Required").max(100, "At most 100 characters"),
  minSeverity: z.enum(["warning", "critical"]).default("warning"),
  /** Only alerts on objects this team owns; empty: every object. */
  teamId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .nullable()
    .transform((value) => value || null),
  enabled: z.boolean().default(true),
};

export const channelInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("webhook"), target: outgoingUrlSchema, ...common }),
  z.object({ kind: z.literal("slack"), target: outgoingUrlSchema, ...common }),
  z.object({ kind: z.literal("email"), target: emailList, ...common }),
]);
export type ChannelInput = z.infer<typeof channelInputSchema>;

/** An edit: the target may be left out to keep the saved (secret) one. */
export const channelUpdateSchema = z.object({
  name: common.name.optional(),
  target: z.string().trim().optional(),
  minSeverity: z.enum(["warning", "critical"]).optional(),
  /** Left out: keep; empty or null: every team. */
  teamId: z
    .string()
    .trim()
    .max(100)
    .nullable()
    .transform((value) => value || null)
    .optional(),
  enabled: z.boolean().optional(),
  /** true: generate a new signing secret (generic webhooks), shown once. */
  rotateSecret: z.boolean().optional(),
});
export type ChannelUpdate = z.infer<typeof channelUpdateSchema>;

/** Checks an edited target against its channel's kind. */
export function parseChannelTarget(kind: "webhook" | "slack" | "email", target: string) {
  return kind === "email" ? emailList.safeParse(target) : outgoingUrlSchema.safeParse(target);
}
