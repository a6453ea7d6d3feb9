"use client";

import { Button } from "@/components/ui/button";

export default function LineageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-800">The lineage could not be loaded</h1>
      <p className="mt-1 text-sm text-red-700">
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. It has been logged.
      </p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
