import { Skeleton } from "@/components/ui/card";

export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading">
      <Skeleton className="mb-2 h-4 w-48" />
      <Skeleton className="mb-6 h-8 w-80" />
      <Skeleton className="mb-6 h-20" />
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="mb-2 h-10" />
      ))}
    </div>
  );
}
