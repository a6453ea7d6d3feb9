import { z } from "zod";

/** Error codes the API answers with, and their HTTP status. One map for the whole app. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldError[]; details?: unknown } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldError[]; details?: unknown };
}

/** "featureViews[3].aggregations[0].window" from a zod issue path. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
  }));
}

/** Maps any thrown value to an AppError; unknown errors become a generic 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    const fields = zodFieldErrors(error);
    const first = fields[0];
    return new AppError("unprocessable", first ? `${first.path || "body"}: ${first.message}` : "Invalid input", {
      fields,
    });
  }
  const prismaCode = (error as { code?: unknown } | null)?.code;
  if (prismaCode === "P2002") {
    const target = (error as { meta?: { target?: unknown } }).meta?.target;
    return new AppError("conflict", `An object with this ${describeTarget(target)} already exists.`);
  }
  if (prismaCode === "P2025") return new AppError("not_found", "Not found.");
  // Prisma's transaction conflict, and PostgreSQL's deadlock and serialization failures from raw
  // transactions (lib/db/engine.ts): the work was rolled back whole, so a retry is safe.
  if (prismaCode === "P2034" || prismaCode === "40P01" || prismaCode === "40001") {
    return new AppError("conflict", "A concurrent change conflicted with this one; try again.");
  }
  return new AppError("internal", "Something went wrong on our side. It has been logged.");
}

function describeTarget(target: unknown): string {
  if (Array.isArray(target))
    return target.filter((t) => t !== "workspace_id" && t !== "workspaceId").join(", ") || "name";
  return "name";
}

export function errorBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
    },
  };
}
