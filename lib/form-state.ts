import type { z } from "zod";
import { toAppError } from "@/lib/errors";

/** What a server action behind an ActionForm answers. */
export type FormState = { status: "idle" } | { status: "error"; message: string } | { status: "done"; message: string };

/** The first problem of a form, in words a person can act on. */
export function invalidForm(error: z.ZodError): FormState {
  return { status: "error", message: error.issues[0]?.message ?? "Check the form." };
}

export function failedForm(error: unknown): FormState {
  return { status: "error", message: toAppError(error).message };
}
