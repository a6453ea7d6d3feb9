import { CodeBlock } from "@/components/catalog/code-block";
import { Badge } from "@/components/ui/badge";
import { curlExample, type ReferenceOperation } from "@/lib/api/reference";
import { SchemaView, typeLabel } from "./schema-view";
import { TryIt } from "./try-it";

const METHOD_TONES = { get: "info", post: "good", patch: "warn", put: "warn", delete: "bad" } as const;

function authText(auth: ReferenceOperation["auth"]): string {
  if (auth.public) return "No authentication";
  const role = `role ${auth.role ?? "viewer"} or above`;
  return auth.scope ? `${role}, or an API token with scope ${auth.scope}` : `${role}; API tokens are refused`;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </section>
  );
}

/** One operation: summary line (always shown), then parameters, body, responses, curl and "try it". */
export function OperationCard({ operation, origin }: { operation: ReferenceOperation; origin: string }) {
  const { method, path, parameters, requestBody, responses } = operation;
  const jsonBody = requestBody.find((body) => body.contentType === "application/json");
  const success = responses.filter((response) => response.status.startsWith("2"));
  const errors = responses.filter((response) => !response.status.startsWith("2"));
  return (
    <details
      id={operation.id}
      className="group scroll-mt-20 rounded-lg border border-slate-200 bg-white"
      data-testid="api-operation"
      data-operation={`${method.toUpperCase()} ${path}`}
    >
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
        <Badge tone={METHOD_TONES[method as keyof typeof METHOD_TONES] ?? "neutral"}>{method.toUpperCase()}</Badge>
        <code className="min-w-0 break-all text-sm font-medium">{path}</code>
        <span className="min-w-0 text-sm text-slate-600 sm:line-clamp-1 sm:group-open:line-clamp-none">
          {operation.summary}
        </span>
      </summary>
      <div className="space-y-5 border-t border-slate-100 px-4 py-4 text-sm">
        <p className="text-xs text-slate-600">
          {authText(operation.auth)} ·{" "}
          <a className="text-brand-700 hover:underline" href={`#${operation.id}`}>
            Link to this operation
          </a>
        </p>

        {parameters.length > 0 ? (
          <Section title="Parameters">
            <div className="overflow-x-auto">
              <table className="w-full text-left text-xs">
                <thead className="text-slate-500">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Name
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      In
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Type
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Description
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {parameters.map((parameter) => (
                    <tr key={`${parameter.in}:${parameter.name}`} className="border-t border-slate-100 align-top">
                      <td className="py-1 pr-3">
                        <code className="font-semibold">{parameter.name}</code>
                        {parameter.required ? <span className="ml-1 text-red-700">required</span> : null}
                      </td>
                      <td className="py-1 pr-3 text-slate-600">{parameter.in}</td>
                      <td className="break-all py-1 pr-3 font-mono text-slate-600">{typeLabel(parameter.schema)}</td>
                      <td className="py-1 text-slate-700">
                        {parameter.description}
                        {parameter.example !== undefined ? (
                          <span className="block text-slate-500">
                            Example: <code>{parameter.example}</code>
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        ) : null}

        {requestBody.length > 0 ? (
          <Section title={`Request body (${requestBody.map((body) => body.contentType).join(", ")})`}>
            <div className="grid gap-3 lg:grid-cols-2">
              <SchemaView schema={requestBody[0]!.schema} />
              {jsonBody?.example !== undefined ? (
                <CodeBlock code={json(jsonBody.example)} language="json" label="Example" maxHeight="24rem" />
              ) : null}
            </div>
          </Section>
        ) : null}

        <Section title="Responses">
          {success.map((response) => (
            <div key={response.status} className="space-y-2">
              <p>
                <code className="font-semibold text-emerald-700">{response.status}</code> {response.description}
              </p>
              {response.media ? (
                <div className="grid gap-3 lg:grid-cols-2">
                  <SchemaView schema={response.media.schema} />
                  {response.media.example !== undefined ? (
                    <CodeBlock code={json(response.media.example)} language="json" label="Example" maxHeight="24rem" />
                  ) : null}
                </div>
              ) : (
                <p className="text-xs text-slate-500">The body is described in the summary above.</p>
              )}
            </div>
          ))}
          {errors.length > 0 ? (
            <ul className="space-y-1 text-xs">
              {errors.map((response) => (
                <li key={response.status}>
                  <code className="font-semibold text-amber-800">{response.status}</code> {response.description}
                  {response.media?.example !== undefined ? (
                    <code className="ml-2 break-all text-slate-500">{JSON.stringify(response.media.example)}</code>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </Section>

        <Section title="curl">
          <CodeBlock code={curlExample(operation, origin)} language="bash" />
        </Section>

        <Section title="Try it">
          <TryIt
            method={method}
            path={path}
            parameters={parameters}
            bodyExample={jsonBody ? json(jsonBody.example ?? {}) : null}
          />
          {requestBody.length > 0 && !jsonBody ? (
            <p className="text-xs text-slate-500">This operation takes a file upload: send it with curl.</p>
          ) : null}
        </Section>
      </div>
    </details>
  );
}
