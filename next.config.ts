import type { NextConfig } from "next";

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
};

export default nextConfig;
