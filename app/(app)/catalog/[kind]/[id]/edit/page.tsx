import { catalogHref } from "@/lib/routes";
import { kindWord } from "@/lib/kinds";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DefinitionEditor } from "@/components/authoring/definition-editor";
import { type AnyDraft } from "@/components/authoring/editor-model";
import { PageHeader } from "@/components/ui/card";
import { findCurrentDefinition, getValidationContext } from "@/lib/server/definitions";
import { formatDateTime } from "@/lib/format";
import { requireRole } from "@/lib/session";
import { definitionName } from "../definition-title";

type Params = Promise<{ kind: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { kind, id } = await params;
  const name = await definitionName(kind, id);
  return { title: name ? `Edit ${name} · ${kind.replace("_", " ")}` : "Not found" };
}

export default async function EditDefinitionPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ created?: string }>;
}) {
  const [{ kind, id }, { created }] = await Promise.all([params, searchParams]);
  const { workspace } = await requireRole("author");
  const [current, context] = await Promise.all([
    findCurrentDefinition(workspace.id, { kind, id }),
    getValidationContext(workspace.id),
  ]);
  if (!current) notFound();
  const { version } = current;
  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/catalog" className="hover:underline">
          Catalog
        </Link>{" "}
        /{" "}
        <Link href={catalogHref(current.kind, current.objectId)} className="hover:underline">
          {current.name}
        </Link>{" "}
        / edit
      </nav>
      <PageHeader
        title={`Edit ${kindWord(current.kind)} ${current.name}`}
        description={`Version ${version.number}${version.authorName ? ` by ${version.authorName}` : ""}, ${formatDateTime(version.createdAt)}${version.message ? `: “${version.message}”` : ""}. Saving creates version ${version.number + 1} in dev.`}
      />
      <DefinitionEditor
        kind={current.kind}
        initial={current.definition as AnyDraft}
        context={context}
        objectId={current.objectId}
        baseVersionNumber={version.number}
        notice={created ? `Created version ${created}. Keep editing, or see the object's history.` : undefined}
      />
    </div>
  );
}
