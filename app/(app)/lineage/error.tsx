"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function LineageError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="The lineage could not be loaded" {...props} />;
}
