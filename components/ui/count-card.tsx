import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

/**
 * A card that counts problems (stale views, slow services, open alerts): the count as a badge,
 * then their list, or a reassuring line when there are none.
 */
export function CountCard({
  title,
  count,
  total,
  tone = "bad",
  empty,
  testId,
  listTestId,
  children,
}: {
  title: string;
  count: number;
  /** When the list is a sample, e.g. "3 of 12". */
  total?: number;
  tone?: "bad" | "warn";
  empty: string;
  testId?: string;
  listTestId?: string;
  children: ReactNode;
}) {
  return (
    <Card
      title={title}
      action={<Badge tone={count ? tone : "good"}>{total !== undefined ? `${count} of ${total}` : count}</Badge>}
      testId={testId}
    >
      {count === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-2 text-sm" data-testid={listTestId}>
          {children}
        </ul>
      )}
    </Card>
  );
}
