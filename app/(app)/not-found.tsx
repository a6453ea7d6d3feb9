import Link from "next/link";
import { EmptyState } from "@/components/ui/card";

export default function AppNotFound() {
  return (
    <EmptyState title="Not found">
      That object does not exist in this workspace, or you cannot see it.{" "}
      <Link href="/catalog" className="text-brand-700 underline">
        Search the catalog
      </Link>
    </EmptyState>
  );
}
