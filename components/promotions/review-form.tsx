"use client";

import { useActionState, useState } from "react";
import { reviewPromotionAction, type PromotionActionState } from "@/app/(app)/promotions/actions";
import { Button } from "@/components/ui/button";

const LABELS = { approve: "Approve", request_changes: "Request changes", reject: "Reject" } as const;

/** The reviewer's form; only the decisions the server offers this viewer are shown. */
export function ReviewForm({
  number,
  decisions,
  isStale,
}: {
  number: number;
  decisions: Array<keyof typeof LABELS>;
  isStale: boolean;
}) {
  const [state, formAction, isPending] = useActionState<PromotionActionState, FormData>(reviewPromotionAction, {
    status: "idle",
  });
  const [comment, setComment] = useState("");
  return (
    <form action={formAction} className="space-y-3" aria-label="Review">
      <input type="hidden" name="number" value={number} />
      <label className="block text-sm font-medium text-slate-700" htmlFor="review-comment">
        Comment
      </label>
      <textarea
        id="review-comment"
        name="comment"
        rows={3}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        placeholder="What you checked, or what should change (required to reject or request changes)"
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      {isStale ? (
        <p className="text-xs text-amber-800">
          The target changed since this request was refreshed; approving is refused until the author refreshes it.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {decisions.map((decision) => (
          <Button
            key={decision}
            type="submit"
            name="decision"
            value={decision}
            variant={decision === "approve" ? "primary" : decision === "reject" ? "danger" : "secondary"}
            disabled={isPending}
          >
            {LABELS[decision]}
          </Button>
        ))}
      </div>
      {state.status === "error" ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : state.status === "done" ? (
        <p role="status" className="text-sm text-emerald-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
