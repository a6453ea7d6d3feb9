import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

/**
 * First gate: anonymous page requests go to /login, anonymous API requests get 401 JSON.
 * Pages and route handlers check the session (and roles) again on the server; this only
 * saves a render and gives a consistent answer.
 */
const PUBLIC_PATHS = ["/login", "/api/auth", "/api/health", "/api/v1/openapi.json", "/api/v1/schema"];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  const isApi = pathname.startsWith("/api/");
  // API tokens are verified against the database by the route handler.
  if (isApi && request.headers.get("authorization")) return NextResponse.next();
  const session = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (session) return NextResponse.next();
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

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|screenshot.png).*)"],
};
