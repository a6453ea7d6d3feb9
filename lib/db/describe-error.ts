import { redactUrl } from "@/lib/db/engine";

/** One line that tells a person why the database could not be used. */
export function describeDatabaseError(error: unknown, databaseUrl: string | undefined): string {
  if (error instanceof Error && error.message.startsWith("Configuration error")) return error.message;
  const where = databaseUrl ? `PostgreSQL at ${redactUrl(databaseUrl)}` : "the embedded database";
  const err = error as { code?: string; message?: string; errors?: { code?: string; message?: string }[] };
  const code = err?.code ?? err?.errors?.[0]?.code;
  const message = (err?.message || err?.errors?.[0]?.message || String(error)).split("\n")[0];
  switch (code) {
    case "ECONNREFUSED":
      return `cannot reach ${where}: connection refused (is the server running and the port right?)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot reach ${where}: unknown host`;
    case "ETIMEDOUT":
      return `cannot reach ${where}: connection timed out`;
    case "28P01":
    case "28000":
      return `cannot sign in to ${where}: ${message}`;
    case "3D000":
      return `${where}: ${message} (create it first, e.g. createdb)`;
    default:
      return `${where}: ${message}`;
  }
}
