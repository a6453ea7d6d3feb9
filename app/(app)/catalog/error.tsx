"use client";

import Link from "next/link";
import { ErrorPanel } from "@/components/ui/error-panel";

export default function CatalogError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorPanel title="The catalog could not be loaded" {...props}>
      <Link href="/catalog" className="self-center text-sm text-brand-700 underline">
        Open the catalog without filters
      </Link>
    </ErrorPanel>
  );
}
