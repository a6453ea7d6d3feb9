import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeader } from "@/components/ui/card";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { groupByTag, referenceOperations } from "@/lib/api/reference";
import { env } from "@/lib/env";
import { requireWorkspace } from "@/lib/session";
import { OpenFromHash } from "./_components/open-from-hash";
import { OperationCard } from "./_components/operation-card";

export const metadata: Metadata = { title: "API reference" };

function tagAnchor(tag: string): string {
  return `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

/** The origin curl examples use: the configured public URL, else the one this page was asked for. */
async function publicOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}

/*
 * The API reference, rendered on the server from the generated OpenAPI document: operations
 * by tag with parameters, request and response schemas, examples and curl, and a small
 * client form per operation to try it.
 */
export default async function ApiReferencePage() {
  await requireWorkspace();
  const groups = groupByTag(referenceOperations(buildOpenApiDocument()));
  const origin = await publicOrigin();
  const count = groups.reduce((total, group) => total + group.operations.length, 0);
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            {count} operations, generated from the zod schemas that validate each request. Machine-readable:{" "}
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1). Authenticate with your browser session or <code>Authorization: Bearer flt_…</code> (tokens
            under Admin → API tokens).
          </>
        }
      />
      <OpenFromHash />
      <nav aria-label="API sections" className="mb-6 flex flex-wrap gap-2 text-sm">
        {groups.map((group) => (
          <a
            key={group.tag}
            href={`#${tagAnchor(group.tag)}`}
            className="rounded-full border border-slate-200 bg-white px-3 py-1 text-slate-700 hover:bg-slate-50"
          >
            {group.tag} <span className="text-slate-500">{group.operations.length}</span>
          </a>
        ))}
      </nav>
      {groups.map((group) => (
        <section
          key={group.tag}
          id={tagAnchor(group.tag)}
          className="mb-8 scroll-mt-20"
          aria-labelledby={`${tagAnchor(group.tag)}-h`}
        >
          <h2 id={`${tagAnchor(group.tag)}-h`} className="mb-3 text-lg font-semibold">
            {group.tag}
          </h2>
          <div className="space-y-2">
            {group.operations.map((operation) => (
              <OperationCard key={operation.id} operation={operation} origin={origin} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
