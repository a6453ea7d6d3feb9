import { catalogHref, lineageHref } from "@/lib/routes";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** Links from a monitoring detail page to the object in the catalog and in the lineage graph. */
export function ObjectLinks({
  kind,
  id,
}: {
  kind: "feature_view" | "feature_service" | "feature" | "model";
  id: string;
}) {
  return (
    <>
      <Link className={buttonClasses("secondary")} href={catalogHref(kind, id)}>
        Open in catalog
      </Link>
      <Link className={buttonClasses("secondary")} href={lineageHref(kind, id)}>
        Show lineage
      </Link>
    </>
  );
}
