/**
 * The security headers of every page and API answer (set by proxy.ts; static files get the
 * fixed ones from next.config.ts). Pure: no Node or Next imports, so the proxy and tests share it.
 *
 * Scripts: a per-request nonce with 'strict-dynamic', as Next.js documents; Next puts the nonce
 * on its own scripts when it finds this policy on the request, and the chunks they load inherit
 * the trust. Styles stay 'unsafe-inline': React Flow, Recharts and CodeMirror set inline styles
 * and inject <style> elements, and styles cannot run code.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  /** Served over https (directly or behind a proxy saying so): add HSTS. */
  https: boolean;
  /** `next dev` evaluates modules with eval (React's dev tooling). */
  development: boolean;
}

export function contentSecurityPolicy({ nonce, development }: Omit<SecurityHeaderOptions, "https">): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The lineage layout runs in a module Web Worker served from /_next/static.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const FIXED_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
};

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    ...FIXED_SECURITY_HEADERS,
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** A fresh, unguessable nonce per request (base64 of 16 random bytes). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** https when the URL says so, or a proxy in front reports it (X-Forwarded-Proto). */
export function isHttps(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === "https:") return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}
