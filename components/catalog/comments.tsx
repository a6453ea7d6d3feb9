import { CommentForm } from "@/components/catalog/comment-form";
import { Markdown } from "@/components/catalog/markdown";
import { Card } from "@/components/ui/card";
import type { CommentView } from "@/lib/data/social";
import { formatDateTime } from "@/lib/format";

export function Comments({ kind, id, comments }: { kind: string; id: string; comments: CommentView[] }) {
  return (
    <Card title={`Discussion (${comments.length})`}>
      {comments.length === 0 ? (
        <p className="mb-4 text-sm text-slate-600">
          No comments yet. Questions and caveats help the next person who finds this.
        </p>
      ) : (
        <ol className="mb-4 space-y-4" data-testid="comments">
          {comments.map((comment) => (
            <li key={comment.id} className="border-l-2 border-slate-200 pl-3">
              <p className="text-xs text-slate-500">
                <span className="font-medium text-slate-700">{comment.author.name}</span> ·{" "}
                <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
              </p>
              <Markdown>{comment.body}</Markdown>
            </li>
          ))}
        </ol>
      )}
      <CommentForm kind={kind} id={id} />
    </Card>
  );
}
