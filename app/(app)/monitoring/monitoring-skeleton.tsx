import { Skeleton } from "@/components/ui/card";

export default function MonitoringLoading() {
  return (
    <div aria-busy="true" aria-label="Loading monitoring" className="space-y-4">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-9 w-96" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-56" />
        <Skeleton className="h-56" />
      </div>
    </div>
  );
}
