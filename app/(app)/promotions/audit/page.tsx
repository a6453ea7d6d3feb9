import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listAuditActors, listAuditLog } from "@/lib/server/audit-log";
import { formatDateTime } from "@/lib/format";
import { requireWorkspace } from "@/lib/session";
import { auditQuerySchema } from "@/lib/validations/promotions";

export const metadata: Metadata = { title: "Audit log" };

const ACTIONS = [
  { value: "", label: "Any action" },
  { value: "promotion.", label: "Promotions and reviews" },
  { value: "promotion.review.", label: "Reviews" },
  { value: "version.activate", label: "Activations" },
  { value: "definition.", label: "Definition edits" },
  { value: "environment.", label: "Environment settings" },
  { value: "user.", label: "Users and roles" },
];

function compact(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = JSON.stringify(value);
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { workspace } = await requireWorkspace();
  const raw = await searchParams;
  const parsed = auditQuerySchema.safeParse({
    object: raw.object || undefined,
    user: raw.user || undefined,
    action: raw.action || undefined,
    cursor: raw.cursor || undefined,
  });
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const [page, actors] = await Promise.all([
    listAuditLog({ workspaceId: workspace.id, ...query }),
    listAuditActors(workspace.id),
  ]);
  const next = new URLSearchParams();
  if (query.object) next.set("object", query.object);
  if (query.user) next.set("user", query.user);
  if (query.action) next.set("action", query.action);
  if (page.nextCursor) next.set("cursor", page.nextCursor);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every promotion, review and activation, with who, when, before and after. Append-only: nothing here can be edited or deleted."
        actions={
          <Link href="/promotions" className="text-sm text-brand-700 hover:underline">
            Back to promotions
          </Link>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the audit log">
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">Object (name or id)</span>
          <input
            name="object"
            defaultValue={query.object ?? ""}
            placeholder="user_profile"
            className="rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">User</span>
          <select name="user" defaultValue={query.user ?? ""} className="rounded-md border border-slate-300 px-2 py-1">
            <option value="">Anyone</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.email}>
                {actor.name} ({actor.email})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">Action</span>
          <select
            name="action"
            defaultValue={query.action ?? ""}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            {ACTIONS.map((action) => (
              <option key={action.value} value={action.value}>
                {action.label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {query.object || query.user || query.action ? (
          <Link href="/promotions/audit" className="py-1.5 text-brand-700 hover:underline">
            Clear
          </Link>
        ) : null}
      </form>
      {page.entries.length === 0 ? (
        <EmptyState title="No audit entries match." />
      ) : (
        <Table
          caption="Audit log"
          head={
            <>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>Action</Th>
              <Th>Object</Th>
              <Th>Before</Th>
              <Th>After</Th>
            </>
          }
        >
          {page.entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-row">
              <Td className="whitespace-nowrap text-slate-500">{formatDateTime(entry.createdAt)}</Td>
              <Td>{entry.actor.name ?? (entry.actor.tokenId ? "API token" : "system")}</Td>
              <Td className="font-mono text-xs">{entry.action}</Td>
              <Td>
                {entry.objectName ?? entry.objectId ?? "—"}
                {entry.objectKind ? <span className="block text-xs text-slate-500">{entry.objectKind}</span> : null}
              </Td>
              <Td className="max-w-xs break-all font-mono text-xs text-slate-600">{compact(entry.before)}</Td>
              <Td className="max-w-xs break-all font-mono text-xs text-slate-600">{compact(entry.after)}</Td>
            </tr>
          ))}
        </Table>
      )}
      {page.nextCursor ? (
        <div className="mt-4 text-right text-sm">
          <Link href={`/promotions/audit?${next.toString()}`} className="text-brand-700 hover:underline">
            Older entries
          </Link>
        </div>
      ) : null}
    </>
  );
}
