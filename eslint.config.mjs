import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Imports that would hand app/ or components/ the database itself. */
const noDatabasePaths = [
  { name: "@prisma/client", message: "Query through lib/data, not Prisma." },
  {
    name: "@/lib/db",
    message: "No database client in app/ or components/: call the bound function from @/lib/server/<area>.",
  },
];
const noDatabasePatterns = [
  {
    group: ["@/lib/generated/**", "**/lib/generated/**"],
    message: "The generated Prisma client stays behind lib/data; import its types from there.",
  },
  { group: ["@/lib/db/*"], message: "The database engine stays behind lib/data." },
  { group: ["@/lib/server/bind"], message: "Bind data functions in lib/server/<area>.ts, not in a page." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      "playwright-report/**",
      "test-results/**",
      ".data/**",
      "next-env.d.ts",
    ],
  },
  {
    // Playwright fixtures call `use(...)`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Layering: pages, route handlers and server actions never hold the database client. They
    // call the lib/data functions bound to it in lib/server/<area>.ts
    // (`getObjectDetail({ workspaceId, ... })`); types come from lib/data. New call sites:
    // `npx tsx scripts/codemods/no-db-in-app.ts` (see README, Architecture).
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { paths: noDatabasePaths, patterns: noDatabasePatterns }] },
  },
  {
    // Components render; they get their data from their page or the API, not even through lib/server.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: noDatabasePaths,
          patterns: [
            ...noDatabasePatterns,
            {
              group: ["@/lib/server/*", "@/lib/server/**"],
              message: "Components get data from their page or the API.",
            },
          ],
        },
      ],
    },
  },
  {
    // lib/server is the app's entry into lib/data, never the other way round.
    files: ["lib/data/**/*.ts", "lib/**/__tests__/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/server/*", "@/lib/server/**"],
              message: "lib/data and tests pass their client explicitly; lib/server is for app/ only.",
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
