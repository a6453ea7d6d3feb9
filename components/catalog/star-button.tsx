import { toggleStarAction } from "@/app/(app)/catalog/actions";

/** A plain form posting to the star action: works without JavaScript, for viewers too. */
export function StarButton({
  kind,
  id,
  starred,
  count,
}: {
  kind: string;
  id: string;
  starred: boolean;
  count: number;
}) {
  return (
    <form action={toggleStarAction}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="starred" value={starred ? "0" : "1"} />
      <button
        type="submit"
        aria-pressed={starred}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        <span aria-hidden className={starred ? "text-amber-500" : "text-slate-400"}>
          {starred ? "★" : "☆"}
        </span>
        {starred ? "Starred" : "Star"}
        <span className="tabular-nums text-slate-500">{count}</span>
      </button>
    </form>
  );
}
