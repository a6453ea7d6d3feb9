"use client";

import { useLinkStatus } from "next/link";

/**
 * A small spinner inside a link while the page it opens is loading. For pages without a
 * loading skeleton (the catalog list renders in one pass, which shows the rows sooner), this
 * is the feedback that a click was taken. Space is always reserved, so nothing moves.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden
      data-pending={pending ? "true" : undefined}
      className={`ml-1 inline-block h-2.5 w-2.5 rounded-full border-2 border-current border-r-transparent align-[-1px] ${pending ? "animate-spin opacity-70" : "opacity-0"}`}
    />
  );
}
