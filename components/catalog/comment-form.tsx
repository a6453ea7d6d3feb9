"use client";

import { useActionState, useEffect, useRef } from "react";
import { addCommentAction, type CatalogActionState } from "@/app/(app)/catalog/actions";
import { Button } from "@/components/ui/button";

export function CommentForm({ kind, id }: { kind: string; id: string }) {
  const [state, action, pending] = useActionState<CatalogActionState, FormData>(addCommentAction, { status: "idle" });
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "done") form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-2">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <label htmlFor="comment-body" className="block text-sm font-medium text-slate-700">
        Add a comment
      </label>
      <textarea
        id="comment-body"
        name="body"
        required
        maxLength={5000}
        rows={3}
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none"
        placeholder="Ask the owner, note a caveat, share how you use it (Markdown)"
        aria-invalid={state.status === "error"}
        aria-describedby="comment-status"
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Posting…" : "Post comment"}
        </Button>
        <p
          id="comment-status"
          role="status"
          className={`text-sm ${state.status === "error" ? "text-red-700" : "text-slate-600"}`}
        >
          {state.status === "error"
            ? (state.fields?.body ?? state.message)
            : state.status === "done"
              ? state.message
              : ""}
        </p>
      </div>
    </form>
  );
}
