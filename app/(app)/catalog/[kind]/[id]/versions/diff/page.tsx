import { catalogHref } from "@/lib/routes";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import YAML from "yaml";
import { z } from "zod";
import { CodeDiff } from "@/components/diff/code-diff";
import { FieldChangeTable } from "@/components/diff/field-change-table";
import { Card, PageHeader } from "@/components/ui/card";
import { type VersionDetail } from "@/lib/data/definitions";
import { findCurrentDefinition, getVersion } from "@/lib/server/definitions";
import { diffDefinitions } from "@/lib/definitions/diff";
import type { FeatureViewDefinition } from "@/lib/definitions/schema";
import { formatDateTime } from "@/lib/format";
import { requireWorkspace } from "@/lib/session";
import { definitionName } from "../../definition-title";
import { versionNumberSchema } from "@/lib/validations/authoring";

type Params = Promise<{ kind: string; id: string }>;

const querySchema = z.object({ from: versionNumberSchema.optional(), to: versionNumberSchema.optional() });

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { kind, id } = await params;
  const name = await definitionName(kind, id);
  return { title: name ? `Compare versions · ${name}` : "Not found" };
}

export default async function VersionDiffPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ kind, id }, query] = await Promise.all([params, searchParams]);
  const { workspace } = await requireWorkspace();
  const current = await findCurrentDefinition(workspace.id, { kind, id });
  if (!current) notFound();
  const parsed = querySchema.safeParse(query);
  const latest = current.version.number;
  const to = (parsed.success ? parsed.data.to : undefined) ?? latest;
  const from = (parsed.success ? parsed.data.from : undefined) ?? Math.max(1, to - 1);
  const scope = { workspaceId: workspace.id, kind: current.kind, objectId: current.objectId };
  const [before, after] = await Promise.all([
    getVersion({ ...scope, number: from }),
    getVersion({ ...scope, number: to }),
  ]);
  if (!before || !after) notFound();
  const changes = diffDefinitions(before.definition, after.definition);
  const base = catalogHref(current.kind, current.objectId);
  const codeBefore = (before.definition as Partial<FeatureViewDefinition>).transformation;
  const codeAfter = (after.definition as Partial<FeatureViewDefinition>).transformation;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/catalog" className="hover:underline">
          Catalog
        </Link>{" "}
        /{" "}
        <Link href={base} className="hover:underline">
          {current.name}
        </Link>{" "}
        /{" "}
        <Link href={`${base}/versions`} className="hover:underline">
          history
        </Link>{" "}
        / compare
      </nav>
      <PageHeader
        title={`${current.name}: version ${from} → version ${to}`}
        description={`${changes.length} field change${changes.length === 1 ? "" : "s"}.`}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <VersionCard label="Before" version={before} href={`${base}/versions/${before.number}`} />
        <VersionCard label="After" version={after} href={`${base}/versions/${after.number}`} />
      </div>
      <Card title="Changed fields">
        <FieldChangeTable changes={changes} />
      </Card>
      {codeBefore || codeAfter ? (
        <Card title={`Code (${codeBefore?.language ?? "none"} → ${codeAfter?.language ?? "none"})`}>
          <CodeDiff
            before={codeBefore?.code ?? ""}
            after={codeAfter?.code ?? ""}
            label="Transformation code"
            beforeLabel={`Version ${from}`}
            afterLabel={`Version ${to}`}
          />
        </Card>
      ) : null}
      <Card title="Whole definition">
        <CodeDiff
          before={YAML.stringify(before.definition)}
          after={YAML.stringify(after.definition)}
          label="Definition as YAML"
          beforeLabel={`Version ${from}`}
          afterLabel={`Version ${to}`}
        />
      </Card>
    </div>
  );
}

function VersionCard({ label, version, href }: { label: string; version: VersionDetail; href: string }) {
  return (
    <div
      className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
      data-testid={`diff-${label.toLowerCase()}`}
    >
      <p className="text-xs uppercase tracking-wide text-slate-500">{label}</p>
      <p className="font-medium">
        <Link href={href} className="text-brand-700 hover:underline">
          Version {version.number}
        </Link>{" "}
        <span className="font-normal text-slate-600">
          {version.authorName ? `by ${version.authorName}, ` : ""}
          {formatDateTime(version.createdAt)}
        </span>
      </p>
      <p className="text-slate-700">{version.message || <span className="text-slate-400">no message</span>}</p>
    </div>
  );
}
