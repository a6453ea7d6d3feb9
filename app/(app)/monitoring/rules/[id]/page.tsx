import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditRuleForm } from "@/components/monitoring/rule-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { getRule } from "@/lib/server/monitoring";
import { roleAtLeast } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { requireWorkspace } from "@/lib/session";

export const metadata: Metadata = { title: "Edit rule" };

export default async function EditRulePage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, context] = await Promise.all([params, requireWorkspace()]);
  let rule: Awaited<ReturnType<typeof getRule>>;
  try {
    rule = await getRule({ workspaceId: context.workspace.id, ruleId: id });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  return (
    <>
      <PageHeader
        title={`Rule “${rule.name}”`}
        description={
          <Link className="text-brand-700 hover:underline" href="/monitoring/rules">
            Back to the rules
          </Link>
        }
      />
      <div className="max-w-xl">
        <Card title="Edit">
          {roleAtLeast(context.role, "author") ? (
            <EditRuleForm rule={rule} />
          ) : (
            <p className="text-sm text-slate-600">Authors and above edit rules.</p>
          )}
        </Card>
      </div>
    </>
  );
}
