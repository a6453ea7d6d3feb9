import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
    // Layering: pages, route handlers and components read and write through lib/data. They may
    // hand the one client (`db()`) to a data function, never query with it or reach the Prisma
    // client, its generated types or the raw engine.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@prisma/client", message: "Query through lib/data, not Prisma." },
            {
              name: "@/lib/db",
              importNames: ["dbEngine", "closeDb", "Prisma"],
              message: "Raw database access belongs in lib/data.",
            },
          ],
          patterns: [
            {
              group: ["@/lib/generated/**", "**/lib/generated/**"],
              message: "The generated Prisma client stays behind lib/data; import its types from there.",
            },
            { group: ["@/lib/db/*"], message: "The database engine stays behind lib/data." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.type='CallExpression'][object.callee.name='db']",
          message: "No inline queries: add a function to lib/data and call it with db().",
        },
      ],
    },
  },
  {
    // Components render; they never hold the database client, not even to pass it on.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db", message: "Components get data from their page or the API." }],
          patterns: [
            { group: ["@/lib/generated/**", "**/lib/generated/**"], message: "Import types from lib/data." },
            { group: ["@/lib/db/*"], message: "The database engine stays behind lib/data." },
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
