import { AppError } from "@/lib/errors";

/**
 * Cross-site request forgery guard for cookie sessions. A browser attaches the session cookie to
 * any request a foreign page makes, so a mutating call authenticated by that cookie must prove it
 * comes from our own pages: a same-origin `Origin` (or, without one, `Sec-Fetch-Site:
 * same-origin`), and a content type a plain HTML form cannot send (JSON or YAML; octet-stream
 * where a route takes binary). Bearer tokens are never sent by a browser on its own: unaffected.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const STRUCTURED_TYPES = ["application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

export interface CsrfOptions {
  /** Origins the app is served from besides the request's own (e.g. NEXTAUTH_URL's). */
  trustedOrigins?: string[];
  /** The route takes a binary body (application/octet-stream). */
  binaryBody?: boolean;
}

export function assertSameOriginMutation(request: Request, options: CsrfOptions = {}): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const headers = request.headers;
  const origin = headers.get("origin");
  if (origin !== null) {
    if (!allowedOrigins(request, options).has(origin.toLowerCase())) {
      throw new AppError("forbidden", "Cross-site request refused: the Origin is not this site.");
    }
  } else if (headers.get("sec-fetch-site") !== "same-origin") {
    throw new AppError(
      "forbidden",
      "Cross-site request refused: a signed-in browser request must carry a same-origin Origin header (API clients use a bearer token).",
    );
  }
  if (hasBody(headers) && !acceptedType(headers.get("content-type"), options.binaryBody === true)) {
    throw new AppError(
      "bad_request",
      `Send the body as application/json${options.binaryBody ? ", application/yaml or application/octet-stream" : " or application/yaml"}.`,
    );
  }
}

function allowedOrigins(request: Request, options: CsrfOptions): Set<string> {
  const origins = new Set<string>();
  const url = new URL(request.url);
  origins.add(url.origin.toLowerCase());
  // Behind a proxy the request URL may name the internal host: the Host header is what the
  // browser addressed.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(":", "");
    origins.add(`${proto}://${host}`.toLowerCase());
  }
  for (const trusted of options.trustedOrigins ?? []) {
    try {
      origins.add(new URL(trusted).origin.toLowerCase());
    } catch {
      // not a URL: ignore
    }
  }
  return origins;
}

function hasBody(headers: Headers): boolean {
  const length = headers.get("content-length");
  return headers.has("transfer-encoding") || (length !== null && length !== "0");
}

function acceptedType(contentType: string | null, binary: boolean): boolean {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (STRUCTURED_TYPES.includes(type)) return true;
  return binary && type === "application/octet-stream";
}
