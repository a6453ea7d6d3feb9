import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { TokenScope } from "@/lib/auth/tokens";
import { AppError, errorBody, toAppError, zodFieldErrors } from "@/lib/errors";
import { DEFAULT_BODY_LIMIT_BYTES, parseJsonBody, readBodyText } from "@/lib/api/body";
import type { Role } from "@/lib/generated/prisma/enums";
import { authorize, resolvePrincipal, type ApiPrincipal } from "@/lib/api/principal";
import { assertSameOriginMutation } from "@/lib/api/csrf";
import { env } from "@/lib/env";

interface RouteOptions {
  /** Minimum workspace role for users (default viewer). */
  role?: Role;
  /** Scope an API token needs; routes without one are closed to tokens. */
  scope?: TokenScope;
  /** The route takes a binary body (application/octet-stream) besides JSON. */
  binaryBody?: boolean;
}

type RouteContext<P> = { params: Promise<P> };

export interface ApiCall<P> {
  request: Request;
  principal: ApiPrincipal;
  params: P;
}

/**
 * Wraps a route handler: authenticates (401 JSON when anonymous), authorises, maps every error
 * to the JSON error body with its status, and serialises the result.
 */
export function apiRoute<P = Record<string, string>>(
  options: RouteOptions,
  handler: (call: ApiCall<P>) => Promise<unknown>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const principal = await resolvePrincipal(request);
      if (!principal) {
        throw new AppError("unauthorized", "Sign in, or send an API token as 'Authorization: Bearer <token>'.");
      }
      authorize(principal, options);
      if (principal.kind === "user") {
        assertSameOriginMutation(request, {
          trustedOrigins: [env().NEXTAUTH_URL ?? ""],
          binaryBody: options.binaryBody,
        });
      }
      assertNoNulInUrl(request);
      const result = await handler({ request, principal, params: await context.params });
      if (result instanceof Response) return result;
      return jsonResponse(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** For the few public routes (health, OpenAPI): only error mapping. */
export function publicRoute(handler: (request: Request) => Promise<unknown>) {
  return async (request: Request): Promise<Response> => {
    try {
      const result = await handler(request);
      return result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new NextResponse(
    JSON.stringify(body, (_key, value) => (typeof value === "bigint" ? Number(value) : value)),
    { status, headers: { "content-type": "application/json; charset=utf-8" } },
  );
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (appError.code === "internal") console.error("[api] unexpected error:", error);
  const headers: Record<string, string> = {};
  if (appError.code === "unauthorized") headers["www-authenticate"] = 'Bearer realm="featureline"';
  return NextResponse.json(errorBody(appError), { status: appError.status, headers });
}

/** Reads a body with a size limit (413), parses JSON (400 naming line and column) and validates (422). */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  limitBytes = DEFAULT_BODY_LIMIT_BYTES,
): Promise<z.infer<T>> {
  return parseJsonBody(await readBodyText(request, limitBytes), schema);
}

/**
 * PostgreSQL text cannot hold a NUL byte: one in a path segment or query parameter would fail
 * deep in a query. Refuse it at the door, naming where it is.
 */
function assertNoNulInUrl(request: Request): void {
  const url = new URL(request.url);
  if (/%00/i.test(url.pathname)) throw new AppError("bad_request", "The path contains a NUL byte.");
  for (const [name, value] of url.searchParams) {
    if (name.includes("\0") || value.includes("\0")) {
      throw new AppError("bad_request", `${name.replace(/\0/g, "")}: must not contain a NUL byte`, {
        fields: [{ path: name, message: "Must not contain a NUL byte" }],
      });
    }
  }
}

/** Parses query parameters with a zod schema; failures are 400 naming the parameter. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const fields = zodFieldErrors(parsed.error);
    throw new AppError("bad_request", `${fields[0]?.path}: ${fields[0]?.message}`, { fields });
  }
  return parsed.data;
}
