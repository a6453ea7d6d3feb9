import { PageHeader, Skeleton } from "@/components/ui/card";

export default function PromotionsLoading() {
  return (
    <>
      <PageHeader title="Promotions" description="Loading promotion requests…" />
      <div className="space-y-2" aria-busy="true">
        {Array.from({ length: 6 }, (_, index) => (
          <Skeleton key={index} className="h-9 w-full" />
        ))}
      </div>
    </>
  );
}
