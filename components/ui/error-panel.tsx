"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** What an error boundary (error.tsx) shows: what failed, the log reference, and a retry. */
export function ErrorPanel({
  title,
  error,
  reset,
  children,
}: {
  title: string;
  error: Error & { digest?: string };
  reset: () => void;
  /** More ways out, beside "Try again". */
  children?: ReactNode;
}) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-800">{title}</h1>
      <p className="mt-1 text-sm text-red-700">
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. It has been logged.
      </p>
      <div className="mt-4 flex gap-3">
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
        {children}
      </div>
    </div>
  );
}
