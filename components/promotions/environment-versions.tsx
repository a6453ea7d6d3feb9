import { promotionHref } from "@/lib/routes";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { EnvironmentVersion } from "@/lib/data/promotions";
import { formatDateTime } from "@/lib/format";

/** Which version of one object is active in each environment, in promotion order. */
export function EnvironmentVersions({ objectId, rows }: { objectId: string; rows: EnvironmentVersion[] }) {
  const newest = Math.max(0, ...rows.map((row) => row.version?.number ?? 0));
  return (
    <table
      className="w-full text-sm"
      aria-label="Active version per environment"
      data-testid={`environment-versions-${objectId}`}
    >
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3">
            Environment
          </th>
          <th scope="col" className="py-1 pr-3">
            Active version
          </th>
          <th scope="col" className="py-1">
            Since
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.environment} data-testid={`environment-version-${row.environment}`}>
            <td className="py-1 pr-3 font-medium">{row.environment}</td>
            <td className="py-1 pr-3">
              {row.version ? (
                <span className="inline-flex items-center gap-2">
                  <span title={row.version.message}>v{row.version.number}</span>
                  {row.version.number < newest ? <Badge tone="warn">behind</Badge> : null}
                </span>
              ) : (
                <span className="text-slate-400">not deployed</span>
              )}
            </td>
            <td className="py-1 text-slate-500">
              {row.activatedAt ? formatDateTime(row.activatedAt) : "—"}
              {row.promotionRequestNumber ? (
                <>
                  {" "}
                  via{" "}
                  <Link className="text-brand-700 hover:underline" href={promotionHref(row.promotionRequestNumber)}>
                    #{row.promotionRequestNumber}
                  </Link>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
