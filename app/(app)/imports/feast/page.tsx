import type { Metadata } from "next";
import Link from "next/link";
import { FeastImportForm } from "@/components/authoring/feast-import-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireRole } from "@/lib/session";

export const metadata: Metadata = { title: "Import from Feast" };

export default async function FeastImportPage() {
  const { workspace } = await requireRole("author");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Import from Feast"
        description={
          <>
            Brings a Feast registry into <strong>{workspace.name}</strong> (dev): data sources, entities, batch, stream
            and on-demand feature views with their TTLs, aggregations, UDFs and tags, feature services and saved
            datasets. Feast&apos;s internal <code>__dummy</code> entity is skipped. All or nothing; nothing is deleted.
            Also available as{" "}
            <Link href="/docs/api" className="text-brand-700 underline">
              POST /api/v1/imports/feast
            </Link>
            .
          </>
        }
      />
      <Card>
        <FeastImportForm />
      </Card>
    </div>
  );
}
