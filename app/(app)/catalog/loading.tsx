import { PageHeader, Skeleton } from "@/components/ui/card";

export default function CatalogLoading() {
  return (
    <>
      <PageHeader title="Catalog" description="Loading the catalog…" />
      <Skeleton className="mb-4 h-10 w-full" />
      <Skeleton className="mb-4 h-9 w-2/3" />
      <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
        <div className="space-y-3">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-20 w-full" />
          ))}
        </div>
        <div className="space-y-2">
          {Array.from({ length: 10 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      </div>
    </>
  );
}
