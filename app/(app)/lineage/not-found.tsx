import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";

export default function LineageNotFound() {
  return (
    <>
      <PageHeader title="Lineage" />
      <EmptyState title="No such object in this workspace">
        <p>
          It may have been deleted, or it belongs to another workspace.{" "}
          <Link href="/lineage" className="text-brand-700 underline">
            Find an object
          </Link>
        </p>
      </EmptyState>
    </>
  );
}
