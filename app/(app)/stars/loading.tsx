import { PageHeader, Skeleton } from "@/components/ui/card";

export default function StarsLoading() {
  return (
    <>
      <PageHeader title="My stars" />
      <div className="space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    </>
  );
}
