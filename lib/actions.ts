import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { roleAtLeast } from "@/lib/data/users";
import { AppError, toAppError, zodFieldErrors, type ErrorCode } from "@/lib/errors";
import { containsNulByte } from "@/lib/json-text";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireWorkspace, type WorkspaceContext } from "@/lib/session";

/**
 * The one server-action wrapper. Every action in `app/**\/actions.ts` goes through it, so every
 * action answers the same way: parse with zod (field errors for the form),
 * authorise (signed out: to the login page; too small a role: a message), run, and turn any
 * thrown error into a message on the form. Unexpected errors are logged (never a 500 page);
 * Next's own control flow (redirect, notFound) passes through.
 */

/** A failure the form shows: a message, and per-field messages keyed by the form's field names. */
export interface ActionFailure {
  status: "error";
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

/** What a form's `useActionState` holds: nothing yet, the action's own success, or a failure. */
export type ActionState<Success extends { status: string }> = { status: "idle" } | Success | ActionFailure;

export const IDLE = { status: "idle" } as const;

/** Field errors keyed by path ("scopes", "thresholds[0].warn"), first message per field. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of zodFieldErrors(error)) fields[field.path || "form"] ??= field.message;
  return fields;
}

/** A validation failure: the message names the first field unless the action words it. */
export function invalid(error: z.ZodError, message?: string): ActionFailure {
  const fields = fieldMessages(error);
  const [first] = Object.entries(fields);
  return {
    status: "error",
    code: "unprocessable",
    message: message ?? (first ? first[1] : "Check the form."),
    fields,
  };
}

/** Maps a thrown error to the form's failure; logs the unexpected ones. Rethrows redirects. */
export function actionFailure(action: string, error: unknown): ActionFailure {
  unstable_rethrow(error);
  const appError = toAppError(error);
  if (appError.code === "internal") console.error(`[action ${action}] unexpected error:`, error);
  const fields = appError.fields?.length
    ? Object.fromEntries(appError.fields.map((f) => [f.path || "form", f.message]))
    : undefined;
  return { status: "error", code: appError.code, message: appError.message, ...(fields ? { fields } : {}) };
}

const MALFORMED: ActionFailure = {
  status: "error",
  code: "bad_request",
  message: "The form sent something unexpected; reload the page and try again.",
};

const NUL_IN_FORM: ActionFailure = {
  status: "error",
  code: "bad_request",
  message: "The form contains a NUL character; remove it and try again.",
};

/** PostgreSQL text cannot hold a NUL byte: refuse it before it reaches a query. */
function formHasNulByte(formData: FormData): boolean {
  for (const [name, value] of formData) {
    if (name.includes("\0") || (typeof value === "string" && value.includes("\0"))) return true;
  }
  return false;
}

interface FormActionOptions<Schema extends z.ZodType> {
  /** The least workspace role the action needs (default: any member). */
  role?: Role;
  /** Picks the fields out of the form into the shape the schema parses. */
  read: (formData: FormData) => unknown;
  schema: Schema;
  /** The form-level message for a validation failure (default: the first field's message). */
  invalidMessage?: string;
  /** Maps a schema path to the form's field name, where they differ. */
  fieldName?: (path: string, input: unknown) => string;
}

/**
 * A form action for `useActionState`: `(previous, formData) => state`. `run` gets the parsed
 * input; whatever it throws becomes a failure on the form.
 */
export function formAction<Schema extends z.ZodType, Success extends { status: string }>(
  name: string,
  options: FormActionOptions<Schema>,
  run: (input: z.infer<Schema>, context: WorkspaceContext) => Promise<Success>,
): (previous: unknown, formData: FormData) => Promise<ActionState<Success>> {
  return async (_previous, formData) => {
    try {
      const context = await authorise(options.role);
      if (!(formData instanceof FormData)) return MALFORMED;
      if (formHasNulByte(formData)) return NUL_IN_FORM;
      const input = options.read(formData);
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) {
        const failure = invalid(parsed.error, options.invalidMessage);
        const rename = options.fieldName;
        if (rename && failure.fields) {
          failure.fields = Object.fromEntries(Object.entries(failure.fields).map(([k, v]) => [rename(k, input), v]));
        }
        return failure;
      }
      return await run(parsed.data, context);
    } catch (error) {
      return actionFailure(name, error);
    }
  };
}

/**
 * A plain `<form action>` (a button: star, revoke, acknowledge, toggle, switch): nothing to show
 * on success, and a failure (an unknown id, a stale page) leaves the page as it is, unexpected
 * ones logged.
 */
export function buttonAction<Schema extends z.ZodType>(
  name: string,
  options: Omit<FormActionOptions<Schema>, "invalidMessage">,
  run: (input: z.infer<Schema>, context: WorkspaceContext) => Promise<void>,
): (formData: FormData) => Promise<void> {
  const action = formAction(name, options, async (input, context) => {
    await run(input, context);
    return { status: "done" as const };
  });
  return async (formData) => {
    await action(undefined, formData);
  };
}

/** An action called with a value (not a form), e.g. the definition editor's save. */
export function valueAction<Schema extends z.ZodType, Success extends { status: string }>(
  name: string,
  options: { role?: Role; schema: Schema; invalidMessage?: string },
  run: (input: z.infer<Schema>, context: WorkspaceContext) => Promise<Success>,
): (input: unknown) => Promise<Success | ActionFailure> {
  return async (input) => {
    try {
      const context = await authorise(options.role);
      if (containsNulByte(input)) return NUL_IN_FORM;
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) return invalid(parsed.error, options.invalidMessage ?? MALFORMED.message);
      return await run(parsed.data, context);
    } catch (error) {
      return actionFailure(name, error);
    }
  };
}

/** Signed out: to the login page (requireWorkspace redirects). A smaller role: a message. */
async function authorise(role: Role | undefined): Promise<WorkspaceContext> {
  const context = await requireWorkspace();
  if (role && !roleAtLeast(context.role, role)) {
    throw new AppError("forbidden", `This needs the ${role} role in ${context.workspace.name}.`);
  }
  return context;
}
