import type { z } from "zod";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { parseJsonText } from "@/lib/json-text";

/** Request bodies: read with a size limit (413), parse JSON (400 at line and column), validate (422). */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export async function readBodyText(request: Request, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<string> {
  return Buffer.from(await readBodyBytes(request, limitBytes)).toString("utf8");
}

/** The raw body (a binary upload), with the same size limit. */
export async function readBodyBytes(request: Request, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) throw tooLarge(limitBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limitBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${Math.round(limitBytes / 1024)} KiB.`);
}

/** Something that validates like a zod schema (a schema, or a faster parser with zod's results). */
export interface BodyParser<T> {
  safeParse(input: unknown): z.ZodSafeParseResult<T>;
}

/** Parses JSON text (400 naming line and column) and validates it (422 naming the field). */
export function parseJsonBody<T>(text: string, parser: BodyParser<T>): T {
  const parsed = parser.safeParse(text.trim() === "" ? {} : parseJsonOrThrow(text));
  if (!parsed.success) {
    const fields = zodFieldErrors(parsed.error);
    throw new AppError("unprocessable", `${fields[0]?.path || "body"}: ${fields[0]?.message}`, { fields });
  }
  return parsed.data;
}

/** Parses JSON text, or throws a 400 naming the line and column where it is malformed. */
export function parseJsonOrThrow(text: string): unknown {
  const syntax = parseJsonText(text);
  if (syntax.ok) return syntax.value;
  const { message, line, column } = syntax.error;
  throw new AppError("bad_request", `Malformed JSON at line ${line}, column ${column}: ${message}`, {
    details: { line, column },
  });
}
