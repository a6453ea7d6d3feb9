// Prisma CLI configuration. The CLI runs offline with the JavaScript engine through a driver
// adapter; it is only used for `prisma generate` and `prisma migrate diff --from-empty /
// --from-schema-datamodel` (see docs/migrations.md). Migrations are applied by lib/migrate.ts.
import path from "node:path";
import { defineConfig } from "prisma/config";

// `||=`: an empty string also makes the CLI fall back to downloading an engine.
process.env.DATABASE_URL ||= "postgresql://unused@localhost/unused";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL ?? "";
    if (/^postgres(ql)?:\/\//.test(url) && !url.includes("unused@localhost")) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url, allowExitOnIdle: true });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    return new PrismaPGlite(new PGlite("memory://"));
  },
});
