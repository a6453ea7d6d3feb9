import { AlertList } from "@/components/monitoring/alert-list";
import { Card } from "@/components/ui/card";
import { listAlerts } from "@/lib/data/alerts";
import { db } from "@/lib/db";
import { roleAtLeast } from "@/lib/data/users";
import type { Role } from "@/lib/generated/prisma/enums";

/** The object's alerts that have not ended (open and acknowledged), with acknowledge buttons. */
export async function ObjectAlerts(props: {
  workspaceId: string;
  environmentId: string;
  objectKind: "feature_view" | "feature_service" | "feature";
  objectId: string;
  role: Role;
  search: string;
}) {
  const alerts = (
    await listAlerts(db(), {
      workspaceId: props.workspaceId,
      environmentId: props.environmentId,
      objectKind: props.objectKind,
      objectId: props.objectId,
      state: "all",
      limit: 50,
    })
  ).filter((alert) => !alert.endedAt);
  return (
    <Card title={`Alerts (${alerts.length} firing)`} className="mb-4">
      <AlertList
        alerts={alerts}
        canAcknowledge={roleAtLeast(props.role, "author")}
        search={props.search}
        showObject={false}
      />
    </Card>
  );
}
