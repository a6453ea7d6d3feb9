"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { exampleUrl, type ReferenceParameter } from "@/lib/api/reference";

type Result =
  | { kind: "response"; status: number; statusText: string; ms: number; headers: [string, string][]; body: string }
  | { kind: "error"; message: string };

// Headers worth reading in a reply; the rest (security headers, dates) are noise here.
const SHOWN_HEADERS = ["content-type", "content-length", "location", "retry-after", "x-request-id", "etag"];

function prettyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * "Try it": sends the operation from the browser, as the signed-in user (the session cookie)
 * or with a pasted API token, and shows status, headers and body. The token lives only in
 * this form's state.
 */
export function TryIt({
  method,
  path,
  parameters,
  bodyExample,
}: {
  method: string;
  path: string;
  parameters: ReferenceParameter[];
  /** The JSON request body to start from; null when the operation takes none. */
  bodyExample: string | null;
}) {
  const formId = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.example ?? ""])),
  );
  const [body, setBody] = useState(bodyExample ?? "");
  const [auth, setAuth] = useState<"session" | "token">("session");
  const [token, setToken] = useState("");
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const url = exampleUrl({ path, parameters }, values);
  const missing = parameters.filter((parameter) => parameter.required && !values[parameter.name]?.trim());

  async function send() {
    setPending(true);
    setResult(null);
    const headers: Record<string, string> = { accept: "application/json" };
    if (bodyExample !== null) headers["content-type"] = "application/json";
    if (auth === "token" && token.trim()) headers.authorization = `Bearer ${token.trim()}`;
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: method.toUpperCase(),
        headers,
        body: bodyExample !== null ? body : undefined,
        // With a token, leave the session out so the call shows what the token may do.
        credentials: auth === "token" ? "omit" : "same-origin",
      });
      const text = await response.text();
      setResult({
        kind: "response",
        status: response.status,
        statusText: response.statusText,
        ms: Math.round(performance.now() - started),
        headers: [...response.headers].filter(([name]) => SHOWN_HEADERS.includes(name)),
        body: prettyBody(text),
      });
    } catch (error) {
      setResult({ kind: "error", message: error instanceof Error ? error.message : String(error) });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="space-y-3"
      aria-label={`Try ${method.toUpperCase()} ${path}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {parameters.length > 0 ? (
        <div className="grid gap-2 sm:grid-cols-2">
          {parameters.map((parameter) => (
            <label key={`${parameter.in}:${parameter.name}`} className="flex flex-col gap-1 text-xs">
              <span className="text-slate-600">
                <code>{parameter.name}</code> ({parameter.in}
                {parameter.required ? ", required" : ""})
              </span>
              <input
                value={values[parameter.name] ?? ""}
                onChange={(event) => setValues((current) => ({ ...current, [parameter.name]: event.target.value }))}
                className="rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
              />
            </label>
          ))}
        </div>
      ) : null}
      {bodyExample !== null ? (
        <label className="flex flex-col gap-1 text-xs">
          <span className="text-slate-600">Body (JSON)</span>
          <textarea
            value={body}
            onChange={(event) => setBody(event.target.value)}
            rows={Math.min(16, Math.max(4, body.split("\n").length))}
            spellCheck={false}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
          />
        </label>
      ) : null}
      <fieldset className="flex flex-wrap items-center gap-3 text-xs">
        <legend className="sr-only">Authenticate with</legend>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name={`${formId}-auth`}
            checked={auth === "session"}
            onChange={() => setAuth("session")}
          />
          My session
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name={`${formId}-auth`} checked={auth === "token"} onChange={() => setAuth("token")} />
          API token
        </label>
        {auth === "token" ? (
          <input
            type="password"
            aria-label="API token"
            placeholder="flt_…"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            autoComplete="off"
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono"
          />
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending || missing.length > 0}>
          {pending ? "Sending…" : "Send request"}
        </Button>
        <code className="min-w-0 break-all text-xs text-slate-600">
          {method.toUpperCase()} {url}
        </code>
        {missing.length > 0 ? (
          <span className="text-xs text-amber-800">
            Fill in {missing.map((parameter) => parameter.name).join(", ")}.
          </span>
        ) : null}
      </div>
      <div aria-live="polite">
        {result?.kind === "error" ? (
          <p role="alert" className="text-sm text-red-700">
            The request did not complete: {result.message}
          </p>
        ) : null}
        {result?.kind === "response" ? (
          <div className="space-y-2 rounded-md border border-slate-200 p-2" data-testid="try-it-response">
            <p className="text-sm">
              <span
                data-testid="try-it-status"
                className={`font-mono font-semibold ${result.status < 300 ? "text-emerald-700" : result.status < 500 ? "text-amber-800" : "text-red-700"}`}
              >
                {result.status}
              </span>{" "}
              {result.statusText} <span className="text-xs text-slate-500">· {result.ms} ms</span>
            </p>
            {result.headers.length > 0 ? (
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs">
                {result.headers.map(([name, value]) => (
                  <div key={name} className="contents">
                    <dt className="font-mono text-slate-500">{name}</dt>
                    <dd className="break-all font-mono">{value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <pre
              className="code-surface max-h-96 overflow-auto whitespace-pre-wrap break-words rounded p-2 text-xs"
              data-testid="try-it-body"
              tabIndex={0}
            >
              {result.body || "(empty body)"}
            </pre>
          </div>
        ) : null}
      </div>
    </form>
  );
}
