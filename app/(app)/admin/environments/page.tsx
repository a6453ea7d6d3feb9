import type { Metadata } from "next";
import { AddEnvironmentForm, EnvironmentSettingsRow } from "@/components/promotions/environment-settings";
import { Card } from "@/components/ui/card";
import { listEnvironmentSettings } from "@/lib/server/environments";
import { requireRole } from "@/lib/session";

export const metadata: Metadata = { title: "Environments · Admin" };

export default async function AdminEnvironmentsPage() {
  const { workspace } = await requireRole("admin");
  const environments = await listEnvironmentSettings(workspace.id);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Definitions are promoted one step at a time along this order. Each target needs its number of approvals from
        approvers other than the author (at least one). With “poor source health blocks”, stale views and skew or drift
        over the alert thresholds in the source block a promotion instead of warning.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Environments in promotion order</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">
                Environment
              </th>
              <th scope="col" className="px-3 py-2">
                As a promotion target
              </th>
              <th scope="col" className="px-3 py-2">
                Active objects
              </th>
              <th scope="col" className="px-3 py-2">
                Order
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {environments.map((environment, index) => (
              <EnvironmentSettingsRow
                key={environment.id}
                name={environment.name}
                position={environment.position}
                isFirst={index === 0}
                isLast={index === environments.length - 1}
                requiredApprovals={environment.requiredApprovals}
                blockOnHealth={environment.blockOnHealth}
                activeObjects={environment.activeObjects}
              />
            ))}
          </tbody>
        </table>
      </div>
      <Card title="Add an environment">
        <AddEnvironmentForm />
      </Card>
    </div>
  );
}
