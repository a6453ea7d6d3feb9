import { kindWord } from "@/lib/kinds";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DefinitionEditor } from "@/components/authoring/definition-editor";
import { emptyDraft } from "@/components/authoring/editor-model";
import { PageHeader } from "@/components/ui/card";
import { isDefinitionKind } from "@/lib/data/definitions";
import { getValidationContext } from "@/lib/server/definitions";
import { requireRole } from "@/lib/session";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }): Promise<Metadata> {
  const { kind } = await params;
  return { title: isDefinitionKind(kind) ? `New ${kindWord(kind)}` : "Not found" };
}

export default async function NewDefinitionPage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (!isDefinitionKind(kind)) notFound();
  const { workspace } = await requireRole("author");
  const context = await getValidationContext(workspace.id);
  return (
    <div>
      <PageHeader
        title={`New ${kindWord(kind)}`}
        description={
          <>
            Saved as version 1 and active in dev at once. Prefer code?{" "}
            <Link href="/authoring" className="text-brand-700 underline">
              Plan and apply a repository document
            </Link>
            .
          </>
        }
      />
      <DefinitionEditor kind={kind} initial={emptyDraft(kind)} context={context} />
    </div>
  );
}
