import Link from "next/link";
import { EmptyState } from "@/components/ui/card";

export default function ForbiddenPage() {
  return (
    <EmptyState title="You do not have access to that page">
      Your role in this workspace does not allow it. Ask a workspace admin if you need it.{" "}
      <Link href="/" className="text-brand-700 underline">
        Back to home
      </Link>
    </EmptyState>
  );
}
