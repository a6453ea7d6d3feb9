import { AlertList } from "@/components/monitoring/alert-list";
import { Card } from "@/components/ui/card";
import { type AlertListItem } from "@/lib/data/alerts";
import { listAlerts } from "@/lib/server/alerts";
import { roleAtLeast } from "@/lib/data/users";
import type { WorkspaceContext } from "@/lib/session";

/**
 * The object's alerts that have not ended (open and acknowledged). Pages load them beside the
 * object's detail (same id), so the two queries run at once.
 */
export function listFiringAlerts(scope: {
  workspaceId: string;
  environmentId: string;
  objectKind: "feature_view" | "feature_service" | "feature";
  objectId: string;
}): Promise<AlertListItem[]> {
  return listAlerts({ ...scope, state: "firing", limit: 100 });
}

/** Firing alerts of one object, with acknowledge buttons for authors. */
export function ObjectAlerts(props: { alerts: AlertListItem[]; role: WorkspaceContext["role"]; search: string }) {
  return (
    <Card title={`Alerts (${props.alerts.length} firing)`} className="mb-4">
      <AlertList
        alerts={props.alerts}
        canAcknowledge={roleAtLeast(props.role, "author")}
        search={props.search}
        showObject={false}
      />
    </Card>
  );
}
