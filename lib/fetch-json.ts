/**
 * The one JSON client of the browser side (React Query fetchers, the import form). It reads the
 * API's error shape, `{"error": {"code", "message", "fields"?}}`, into an ApiError so every
 * caller shows the server's message rather than a bare status.
 */
export interface ApiFieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: ApiFieldError[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface FetchJsonInit {
  signal?: AbortSignal;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** A string is sent as it is (already JSON); anything else is serialised. */
  body?: unknown;
}

export async function fetchJson<T>(url: string, init: FetchJsonInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    signal: init.signal,
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { message?: string; fields?: ApiFieldError[] } } | null)?.error;
    throw new ApiError(error?.message ?? `Request failed (${response.status})`, response.status, error?.fields ?? []);
  }
  return body as T;
}
