/**
 * Which address a sign-in attempt comes from, for throttling.
 *
 * Next.js route handlers get no socket: Next copies the socket address into `X-Forwarded-For`
 * only when the client did not send that header, so the header alone can be forged. The
 * server `npm start` runs (scripts/serve.mjs) therefore stamps every request with the socket
 * address in PEER_ADDRESS_HEADER, replacing any value a client sent. Forwarded entries are
 * believed only for as many proxy hops as FEATURELINE_TRUSTED_PROXIES says, counted from the
 * socket backwards, so a header a client made up never decides the address.
 */
export const PEER_ADDRESS_HEADER = "x-featureline-peer";

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  if (Array.isArray(value)) return value.join(",");
  return typeof value === "string" && value.trim() ? value : undefined;
}

/** The client's address, or null when the server did not record a socket address. */
export function clientAddress(headers: HeaderSource, trustedProxies: number): string | null {
  const peer = header(headers, PEER_ADDRESS_HEADER)?.trim();
  if (!peer) return null;
  if (trustedProxies <= 0) return peer;
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Hops, nearest last: what each proxy saw, then the socket. Each trusted proxy vouches for
  // the entry before it; more trusted hops than entries means the first entry is the client.
  const hops = [...forwarded, peer];
  return hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
}
