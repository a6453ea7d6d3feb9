import Link from "next/link";
import type { Metadata } from "next";
import { KindBadge } from "@/components/catalog/kind-badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listStarred } from "@/lib/server/social";
import { formatDateTime } from "@/lib/format";
import { requireWorkspace } from "@/lib/session";

export const metadata: Metadata = { title: "My stars" };

export default async function StarsPage() {
  const { user, workspace } = await requireWorkspace();
  const starred = await listStarred({ workspaceId: workspace.id, userId: user.id });
  return (
    <>
      <PageHeader title="My stars" description={`Objects you starred in ${workspace.name}, newest first.`} />
      {starred.length === 0 ? (
        <EmptyState title="Nothing starred yet">
          Star features you rely on from their catalog page to find them here.{" "}
          <Link href="/catalog?kind=feature" className="text-brand-700 underline">
            Browse features
          </Link>
        </EmptyState>
      ) : (
        <Table
          caption="Starred objects"
          head={
            <>
              <Th>Name</Th>
              <Th>Kind</Th>
              <Th>Owner</Th>
              <Th className="text-right">Used by</Th>
              <Th>Starred</Th>
            </>
          }
        >
          {starred.map((item) => (
            <tr key={`${item.kind}:${item.id}`} data-testid="starred-row">
              <Td>
                <Link href={item.href} className="font-medium text-brand-700 hover:underline">
                  {item.qualifiedName}
                </Link>
                {item.description ? <p className="line-clamp-1 text-xs text-slate-500">{item.description}</p> : null}
              </Td>
              <Td>
                <KindBadge kind={item.kind} />
              </Td>
              <Td className="text-xs text-slate-600">{item.owner}</Td>
              <Td className="text-right tabular-nums">{item.usageCount}</Td>
              <Td className="whitespace-nowrap text-xs text-slate-600">{formatDateTime(item.starredAt)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
