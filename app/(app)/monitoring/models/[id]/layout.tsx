import type { ReactNode } from "react";
import { requireMonitoredObject } from "../../require-object";

export default async function ModelHealthLayout(props: { params: Promise<{ id: string }>; children: ReactNode }) {
  await requireMonitoredObject("model", props.params);
  return props.children;
}
