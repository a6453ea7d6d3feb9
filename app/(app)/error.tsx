"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function AppError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="This page could not be loaded" {...props} />;
}
