import { catalogHref, newObjectHref } from "@/lib/routes";
import { KIND_LABELS, kindWord } from "@/lib/kinds";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listRecentVersions } from "@/lib/server/definitions";
import { roleAtLeast } from "@/lib/data/users";
import { DEFINITION_KINDS } from "@/lib/definitions/schema";
import { formatDateTime } from "@/lib/format";
import { requireWorkspace } from "@/lib/session";

export const metadata: Metadata = { title: "Authoring" };

export default async function AuthoringPage() {
  const { workspace, role } = await requireWorkspace();
  const canEdit = roleAtLeast(role, "author");
  const recent = await listRecentVersions({ workspaceId: workspace.id });
  return (
    <div className="space-y-6">
      <PageHeader
        title="Authoring"
        description="Write a definition once, in the browser or as code; every save is an immutable version, active in dev at once and promoted from there."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="In the browser">
          {canEdit ? (
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-1">
              {DEFINITION_KINDS.map((kind) => (
                <li key={kind}>
                  <Link href={newObjectHref(kind)} className={buttonClasses("secondary", "w-full justify-start")}>
                    New {kindWord(kind)}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">
              Your role ({role}) can read definitions; authors create and edit them.
            </p>
          )}
        </Card>
        <Card title="As code">
          <p className="text-sm text-slate-700">
            Keep a repository document (YAML or JSON) in git and let CI apply it with an <code>apply</code> token:
          </p>
          <pre className="mt-2 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            {`npx featureline plan -f repo.yaml \\
  --url ${"$"}FEATURELINE_URL --token ${"$"}FEATURELINE_TOKEN
npx featureline apply -f repo.yaml ...`}
          </pre>
          <p className="mt-2 text-sm text-slate-700">
            Schema:{" "}
            <a className="text-brand-700 underline" href="/api/v1/schema">
              /api/v1/schema
            </a>{" "}
            (JSON Schema). API:{" "}
            <Link className="text-brand-700 underline" href="/docs/api">
              reference
            </Link>
            .
          </p>
        </Card>
        <Card title="Import from Feast">
          <p className="text-sm text-slate-700">
            Upload the JSON of <code>feast registry-dump</code>: sources, entities, feature views of every kind,
            services and saved datasets, in one transaction. Importing the same file again changes nothing.
          </p>
          {canEdit ? (
            <Link href="/imports/feast" className={buttonClasses("secondary", "mt-3")}>
              Import a registry dump
            </Link>
          ) : null}
        </Card>
      </div>
      <Card title="Recent saves">
        {recent.length === 0 ? (
          <EmptyState title="Nothing saved yet">
            Create a definition, apply a repository document or import from Feast.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {recent.map((version) => (
              <li key={version.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <Badge>{KIND_LABELS[version.kind].one}</Badge>
                {version.exists ? (
                  <Link
                    href={catalogHref(version.kind, version.objectId, "versions")}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {version.objectName}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-500 line-through" title="Deleted">
                    {version.objectName}
                  </span>
                )}
                <span className="text-slate-600">v{version.number}</span>
                <span className="text-slate-700">{version.message}</span>
                <span className="ml-auto text-xs text-slate-500">
                  {version.authorName ?? "API token"} · {formatDateTime(version.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
