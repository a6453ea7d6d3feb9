import { Skeleton } from "@/components/ui/card";

export default function LineageLoading() {
  return (
    <div aria-busy="true" aria-label="Loading lineage">
      <Skeleton className="mb-2 h-8 w-72" />
      <Skeleton className="mb-6 h-4 w-96" />
      <div className="mb-2 flex gap-2">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-36" />
        ))}
      </div>
      <Skeleton className="h-[calc(100vh-14rem)] min-h-[24rem] w-full" />
    </div>
  );
}
