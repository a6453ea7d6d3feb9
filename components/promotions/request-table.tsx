import { promotionHref } from "@/lib/routes";
import Link from "next/link";
import { StateBadge } from "@/components/promotions/state-badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { PromotionSummary } from "@/lib/data/promotions";
import { formatDateTime } from "@/lib/format";

export function RequestTable({ requests, caption }: { requests: PromotionSummary[]; caption: string }) {
  return (
    <Table
      caption={caption}
      head={
        <>
          <Th>Request</Th>
          <Th>Route</Th>
          <Th>Objects</Th>
          <Th>State</Th>
          <Th>Approvals</Th>
          <Th>Author</Th>
          <Th>Updated</Th>
        </>
      }
    >
      {requests.map((request) => (
        <tr key={request.id} data-testid={`promotion-row-${request.number}`}>
          <Td>
            <Link href={promotionHref(request.number)} className="font-medium text-brand-700 hover:underline">
              #{request.number} {request.title}
            </Link>
          </Td>
          <Td className="whitespace-nowrap text-slate-600">
            {request.source} → {request.target}
          </Td>
          <Td className="text-slate-600">
            {request.objects.slice(0, 3).join(", ")}
            {request.objects.length > 3 ? ` and ${request.objects.length - 3} more` : ""}
          </Td>
          <Td>
            <StateBadge state={request.state} />
          </Td>
          <Td className="whitespace-nowrap">
            {request.approvals} / {request.requiredApprovals}
          </Td>
          <Td className="text-slate-600">{request.author?.name ?? "unknown"}</Td>
          <Td className="whitespace-nowrap text-slate-500">{formatDateTime(request.updatedAt)}</Td>
        </tr>
      ))}
    </Table>
  );
}
