import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { actionArgumentsProblem, hasMalformedEscape } from "@/lib/request-guards";
import { isHttps, newNonce, securityHeaders } from "@/lib/security-headers";

/**
 * First gate: anonymous page requests go to /login, anonymous API requests get 401 JSON.
 * Pages and route handlers check the session (and roles) again on the server; this only
 * saves a render and gives a consistent answer. Every answer carries the security headers.
 */
const PUBLIC_PATHS = ["/login", "/api/auth", "/api/health", "/api/v1/openapi.json", "/api/v1/schema"];

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    https: isHttps(request.nextUrl, request.headers.get("x-forwarded-proto")),
    development: process.env.NODE_ENV === "development",
  });
  const refused = await refuseMalformed(request);
  return withHeaders(refused ?? (await gate(request, nonce, headers["Content-Security-Policy"]!)), headers);
}

/** Input Next.js would throw on before our code runs: answer 400 here instead of its 500. */
async function refuseMalformed(request: NextRequest): Promise<NextResponse | null> {
  if (hasMalformedEscape(request.nextUrl.pathname)) return badRequest("The URL has a malformed % escape.");
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const type = request.headers.get("content-type") ?? "";
  let encoded: FormDataEntryValue | null = null;
  try {
    if (type.startsWith("text/plain")) encoded = await request.clone().text();
    else if (type.startsWith("multipart/form-data")) encoded = (await request.clone().formData()).get("0");
  } catch {
    return badRequest("The request body could not be read.");
  }
  const problem = typeof encoded === "string" ? actionArgumentsProblem(encoded) : null;
  return problem ? badRequest(problem) : null;
}

function badRequest(message: string): NextResponse {
  return NextResponse.json({ error: { code: "bad_request", message } }, { status: 400 });
}

async function gate(request: NextRequest, nonce: string, policy: string): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  // Next reads the policy from the request to put the nonce on the scripts it renders.
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", policy);
  const next = () => NextResponse.next({ request: { headers: forwarded } });
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return next();
  const isApi = pathname.startsWith("/api/");
  // API tokens are verified against the database by the route handler.
  if (isApi && request.headers.get("authorization")) return next();
  const session = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (session) return next();
  if (isApi) {
    return NextResponse.json(
      { error: { code: "unauthorized", message: "Sign in, or send an API token as 'Authorization: Bearer <token>'." } },
      { status: 401, headers: { "www-authenticate": 'Bearer realm="featureline"' } },
    );
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|screenshot.png).*)"],
};
