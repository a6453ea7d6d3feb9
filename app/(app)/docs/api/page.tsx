import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspace } from "@/lib/session";
import { SwaggerReference } from "./_components/swagger-reference";

export const metadata: Metadata = { title: "API reference" };

const DOCUMENT_URL = "/api/v1/openapi.json";

/*
 * The API reference: Swagger UI over the generated OpenAPI document (operations by tag,
 * parameters, request and response schemas with their examples, and "Try it out").
 */
export default async function ApiReferencePage() {
  await requireWorkspace();
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Generated from the zod schemas that validate each request. Machine-readable:{" "}
            <a className="text-brand-700 underline" href={DOCUMENT_URL}>
              {DOCUMENT_URL}
            </a>{" "}
            (OpenAPI 3.1). &ldquo;Try it out&rdquo; sends requests with your browser session; to use an API token
            instead (Admin → API tokens), paste it under &ldquo;Authorize&rdquo; → bearer.
          </>
        }
      />
      <SwaggerReference documentUrl={DOCUMENT_URL} />
    </>
  );
}
