import type { ReactNode } from "react";
import { Suspense } from "react";
import { TimeRangePicker } from "@/components/monitoring/time-range-picker";
import { PageHeader } from "@/components/ui/card";

/** Page title plus the range picker and environment filter (both in the URL). */
export function MonitoringHeader({
  title,
  description,
  environments,
  environment,
  rangeError,
  showRange = true,
  actions,
}: {
  title: string;
  description?: ReactNode;
  environments: { name: string }[];
  environment: string;
  rangeError?: string | null;
  showRange?: boolean;
  actions?: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      <div className="mb-4">
        <Suspense>
          <TimeRangePicker environments={environments} environment={environment} showRange={showRange} />
        </Suspense>
        {rangeError ? (
          <p role="alert" className="mt-2 text-sm text-amber-800">
            {rangeError}
          </p>
        ) : null}
      </div>
    </>
  );
}
