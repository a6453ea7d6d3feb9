import type { NextConfig } from "next";
import { FIXED_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads at run time; bundling breaks them.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  experimental: {
    // The proxy buffers request bodies (10 MB by default); ingestion and Feast imports accept
    // up to 16 MiB, so buffer a little more and let the route answer 413 past its own limit.
    proxyClientMaxBodySize: "17mb",
  },
  // `npm test` type-checks the whole project (tests included) before building; not twice.
  typescript: { ignoreBuildErrors: true },
  // Several dev servers can share one checkout, each with its own build folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
  // Static files skip proxy.ts (which adds the policy with its nonce): give them the fixed headers.
  async headers() {
    const headers = Object.entries(FIXED_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
