import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname) },
    // "server-only" resolves to its empty module under the react-server condition, as in Next.
    conditions: ["react-server", "node", "import", "default"],
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share one database per engine; files run one at a time.
    fileParallelism: false,
  },
});
