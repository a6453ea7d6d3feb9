import type { ReactNode } from "react";
import { requireMonitoredObject } from "../../require-object";

export default async function ServiceHealthLayout(props: { params: Promise<{ id: string }>; children: ReactNode }) {
  await requireMonitoredObject("feature_service", props.params);
  return props.children;
}
