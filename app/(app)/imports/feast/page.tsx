import type { Metadata } from "next";
import Link from "next/link";
import { FeastImportForm } from "@/components/authoring/feast-import-form";
import { Card, PageHeader } from "@/components/ui/card";
import { listEnvironments } from "@/lib/server/workspaces";
import { requireRole } from "@/lib/session";

export const metadata: Metadata = { title: "Import from Feast" };

export default async function FeastImportPage() {
  const { workspace } = await requireRole("author");
  const environments = (await listEnvironments(workspace.id)).map((environment) => environment.name);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Import from Feast"
        description={
          <>
            Brings a Feast registry into <strong>{workspace.name}</strong>: data sources, entities, batch, stream and
            on-demand feature views with their TTLs, aggregations, functions and tags, feature services, saved datasets,
            Feast&apos;s timestamps and materialization history. Upload the <code>registry.db</code> Feast writes or a
            registry dump; you see the plan first and nothing is written until you apply it. Feast&apos;s internal{" "}
            <code>__dummy</code> entity is skipped; nothing is deleted (what maps to what: <code>docs/feast.md</code>).
            Also available as{" "}
            <Link href="/docs/api" className="text-brand-700 underline">
              POST /api/v1/imports/feast
            </Link>
            .
          </>
        }
      />
      <Card>
        <FeastImportForm environments={environments} />
      </Card>
    </div>
  );
}
