"use client";

import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";
import "./swagger-dark.css";

type LoadState = "loading" | "ready" | "failed";

/**
 * Swagger UI over the generated OpenAPI document. The prebuilt bundle (its own React, its
 * dependencies already resolved) is imported only here, in the browser, as its own chunk, and
 * mounted into a DOM node outside our React tree: swagger-ui-react's unbundled OpenAPI 3.1
 * reader loses a side-effect module under Turbopack (vercel/next.js#86507).
 *
 * Requests go to this origin with the browser's session cookie (and the same-origin Origin
 * header the CSRF check wants for writes); a token pasted under "Authorize" is sent as
 * `Authorization: Bearer …` instead.
 */
export function SwaggerReference({ documentUrl }: { documentUrl: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<LoadState>("loading");

  useEffect(() => {
    let cancelled = false;
    import("swagger-ui-dist/swagger-ui-bundle.js")
      .then(({ default: SwaggerUIBundle }) => {
        if (cancelled || !container.current) return;
        SwaggerUIBundle({
          domNode: container.current,
          url: documentUrl,
          tryItOutEnabled: true,
          deepLinking: true,
          docExpansion: "list",
          defaultModelsExpandDepth: 0,
          persistAuthorization: false,
          // No "valid" badge: it would send the document's address to validator.swagger.io (and CSP blocks the image).
          validatorUrl: null,
          requestInterceptor: (request) => {
            request.credentials = "same-origin";
            return request;
          },
          onComplete: () => {
            if (!cancelled) setState("ready");
          },
        });
      })
      .catch(() => {
        if (!cancelled) setState("failed");
      });
    return () => {
      cancelled = true;
    };
  }, [documentUrl]);

  return (
    <>
      {state === "loading" ? (
        <p className="text-sm text-slate-500" role="status">
          Loading the API reference…
        </p>
      ) : null}
      {state === "failed" ? (
        <p className="text-sm text-red-700" role="alert">
          The API reference could not be loaded. Reload the page, or read{" "}
          <a className="underline" href={documentUrl}>
            {documentUrl}
          </a>{" "}
          directly.
        </p>
      ) : null}
      <div ref={container} className="swagger-reference" data-testid="swagger-reference" />
    </>
  );
}
