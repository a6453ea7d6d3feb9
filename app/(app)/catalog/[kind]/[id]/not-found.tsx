import Link from "next/link";
import { EmptyState } from "@/components/ui/card";

export default function CatalogObjectNotFound() {
  return (
    <EmptyState title="This object is not in your workspace">
      It may have been deleted or renamed, or the link belongs to another workspace.{" "}
      <Link href="/catalog" className="text-brand-700 underline">
        Search the catalog
      </Link>
    </EmptyState>
  );
}
