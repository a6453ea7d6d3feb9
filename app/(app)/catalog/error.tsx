"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function CatalogError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-800">The catalog could not be loaded</h1>
      <p className="mt-1 text-sm text-red-700">
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. It has been logged.
      </p>
      <div className="mt-4 flex gap-3">
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
        <Link href="/catalog" className="self-center text-sm text-brand-700 underline">
          Open the catalog without filters
        </Link>
      </div>
    </div>
  );
}
