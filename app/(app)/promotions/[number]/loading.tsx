import { Card, Skeleton } from "@/components/ui/card";

export default function PromotionLoading() {
  return (
    <div aria-busy="true" className="space-y-6">
      <Skeleton className="h-8 w-2/3" />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title="Changes">
            <Skeleton className="h-40 w-full" />
          </Card>
        </div>
        <Card title="Checks">
          <Skeleton className="h-32 w-full" />
        </Card>
      </div>
    </div>
  );
}
