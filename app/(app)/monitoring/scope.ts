import "server-only";
import { notFound } from "next/navigation";
import { rangeQuerySchema, resolveTimeRange, TimeRangeError } from "@/lib/validations/monitoring";
import { pickEnvironment } from "@/lib/environments";
import { AppError } from "@/lib/errors";
import { PAGE_READ_TTL_MS } from "@/lib/cache/shared-read";
import { requireWorkspace } from "@/lib/session";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The workspace, environment and time range a monitoring page shows, from its URL: `env`
 * (default: the environment switcher's), `range` (default 24h), `from`/`to` for custom.
 */
export async function monitoringPageScope(searchParams: SearchParams) {
  const context = await requireWorkspace();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = rangeQuerySchema.safeParse(raw);
  const query = parsed.success
    ? parsed.data
    : { range: "24h" as const, env: typeof raw.env === "string" ? raw.env : undefined };
  let range: ReturnType<typeof resolveTimeRange>;
  let rangeError: string | null = null;
  // A relative range ends at now rounded up to the shared reads' lifetime, so people opening
  // the same chart within those seconds share one load (lib/cache/shared-read.ts); a write still
  // shows at once, and the few seconds past now hold no data.
  const now = new Date(Math.ceil(Date.now() / PAGE_READ_TTL_MS) * PAGE_READ_TTL_MS);
  try {
    range = resolveTimeRange(query, now);
  } catch (error) {
    if (!(error instanceof TimeRangeError)) throw error;
    rangeError = `${error.parameter}: ${error.message}. Showing the last 24 hours.`;
    range = resolveTimeRange({ range: "24h" }, now);
  }
  let environment: { id: string; name: string };
  try {
    environment = pickEnvironment(context.environments, { requested: query.env, preferred: context.environment.name });
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
  const kept = new URLSearchParams();
  for (const key of ["range", "from", "to", "env"]) if (raw[key]) kept.set(key, raw[key]!);
  return {
    context,
    workspaceId: context.workspace.id,
    environment: { id: environment.id, name: environment.name },
    environments: context.environments.map((env) => ({ name: env.name })),
    ...range,
    rangeError,
    search: kept.toString(),
  };
}

/** "?range=7d&env=prod" or "" for links that keep the dashboard's range and environment. */
export function withSearch(path: string, search: string): string {
  return search ? `${path}?${search}` : path;
}
