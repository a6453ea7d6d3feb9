import { Badge } from "@/components/ui/badge";
import { CATALOG_KIND_LABELS, type CatalogKind } from "@/lib/search/types";

export function KindBadge({ kind }: { kind: CatalogKind }) {
  return <Badge tone={kind === "feature" ? "info" : "neutral"}>{CATALOG_KIND_LABELS[kind].one}</Badge>;
}
