/** Stands in for a dashboard's charts while their code (Recharts) loads after first paint. */
export function ChartsLoading({ count = 2 }: { count?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading charts" className="space-y-4">
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="h-72 animate-pulse rounded-lg border border-slate-200 bg-white shadow-sm" />
      ))}
    </div>
  );
}
