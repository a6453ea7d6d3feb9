import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { requireWorkspace } from "@/lib/session";

export const metadata: Metadata = { title: "API reference" };

type Operation = {
  summary: string;
  tags: string[];
  "x-featureline-auth": { public?: boolean; role?: string; scope?: string };
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
};

const METHOD_TONES = { get: "info", post: "good", patch: "warn", put: "warn", delete: "bad" } as const;

export default async function ApiReferencePage() {
  await requireWorkspace();
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags[0] ?? "Other"))];
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Generated from the zod schemas that validate each request. Machine-readable:{" "}
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1). Authenticate with your browser session or <code>Authorization: Bearer flt_…</code>.
          </>
        }
      />
      {tags.map((tag) => (
        <section key={tag} className="mb-8">
          <h2 className="mb-3 text-lg font-semibold">{tag}</h2>
          <div className="space-y-2">
            {operations
              .filter((o) => (o.op.tags[0] ?? "Other") === tag)
              .map(({ path, method, op }) => {
                const auth = op["x-featureline-auth"];
                return (
                  <details
                    key={`${method} ${path}`}
                    className="rounded-lg border border-slate-200 bg-white"
                    id={`${method}-${path}`}
                  >
                    <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-2">
                      <Badge tone={METHOD_TONES[method as keyof typeof METHOD_TONES] ?? "neutral"}>
                        {method.toUpperCase()}
                      </Badge>
                      <code className="break-all text-sm font-medium">{path}</code>
                      <span className="text-sm text-slate-600">{op.summary}</span>
                      <span className="ml-auto text-xs text-slate-500">
                        {auth.public
                          ? "no auth"
                          : `role ≥ ${auth.role ?? "viewer"}${auth.scope ? ` · token scope ${auth.scope}` : " · no tokens"}`}
                      </span>
                    </summary>
                    <div className="space-y-3 border-t border-slate-100 px-4 py-3 text-sm">
                      {op.parameters?.length ? (
                        <p>
                          Parameters:{" "}
                          {op.parameters.map((p) => (
                            <code key={p.name} className="mr-2">
                              {p.name} ({p.in}
                              {p.required ? ", required" : ""})
                            </code>
                          ))}
                        </p>
                      ) : null}
                      {op.requestBody ? (
                        <div>
                          <p className="font-medium">Request body ({Object.keys(op.requestBody.content).join(", ")})</p>
                          <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">
                            {JSON.stringify(Object.values(op.requestBody.content)[0]?.schema, null, 2)}
                          </pre>
                        </div>
                      ) : null}
                      <div>
                        <p className="font-medium">Responses</p>
                        <ul className="mt-1 list-inside list-disc">
                          {Object.entries(op.responses).map(([status, response]) => (
                            <li key={status}>
                              <code>{status}</code> {response.description}
                            </li>
                          ))}
                        </ul>
                      </div>
                    </div>
                  </details>
                );
              })}
          </div>
        </section>
      ))}
    </>
  );
}
