import { KIND_LABELS } from "@/lib/kinds";
import { Badge } from "@/components/ui/badge";
import type { CatalogKind } from "@/lib/search/types";

export function KindBadge({ kind }: { kind: CatalogKind }) {
  return <Badge tone={kind === "feature" ? "info" : "neutral"}>{KIND_LABELS[kind].one}</Badge>;
}
