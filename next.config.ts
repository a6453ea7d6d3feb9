import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads at run time; bundling breaks them.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) before building; not twice.
  typescript: { ignoreBuildErrors: true },
  // Several dev servers can share one checkout, each with its own build folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
};

export default nextConfig;
