import { catalogHref } from "@/lib/routes";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import YAML from "yaml";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { loadVersionPage } from "./load";

type Params = Promise<{ kind: string; id: string; number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id, number } = await params;
  return { title: `Version ${number} · ${id}` };
}

export default async function VersionPage({ params }: { params: Params }) {
  const { kind, id, number } = await params;
  const found = await loadVersionPage(kind, id, number);
  if (!found) notFound();
  const { current, version } = found;
  const base = catalogHref(current.kind, current.objectId);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href={base} className="hover:underline">
          {current.name}
        </Link>{" "}
        /{" "}
        <Link href={`${base}/versions`} className="hover:underline">
          history
        </Link>{" "}
        / v{version.number}
      </nav>
      <PageHeader
        title={`${current.name} · version ${version.number}`}
        description={`${version.authorName ? `By ${version.authorName}, ` : ""}${formatDateTime(version.createdAt)}${version.message ? `: “${version.message}”` : ""}`}
        actions={
          version.number !== current.version.number ? (
            <Link
              href={`${base}/versions/diff?from=${version.number}&to=${current.version.number}`}
              className={buttonClasses("secondary")}
            >
              Compare with latest
            </Link>
          ) : undefined
        }
      />
      <Card title={`Definition (content hash ${version.contentHash.slice(0, 12)})`}>
        <pre className="overflow-auto text-xs text-slate-800" data-testid="version-definition">
          {YAML.stringify(version.definition)}
        </pre>
      </Card>
    </div>
  );
}
