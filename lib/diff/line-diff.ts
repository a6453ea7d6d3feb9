/*
 * Side-by-side line diff for code and definitions: a longest-common-subsequence alignment,
 * then runs of removed and added lines paired up as changed rows, the way review tools show
 * code. Every line of both texts appears in exactly one row, on its own side. Pure; the one
 * code diff component (components/diff/code-diff.tsx) renders the rows.
 */

export type DiffRowType = "same" | "changed" | "removed" | "added";

export interface DiffRow {
  type: DiffRowType;
  left: { number: number; text: string } | null;
  right: { number: number; text: string } | null;
}

// Beyond this many cells the table would be too slow; fall back to "everything changed".
const MAX_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === "") return [];
  return text.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
}

type Op = { type: "same" | "removed" | "added"; left?: number; right?: number };

function alignment(before: string[], after: string[]): Op[] {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_CELLS) {
    return [
      ...before.map((_, i) => ({ type: "removed" as const, left: i })),
      ...after.map((_, j) => ({ type: "added" as const, right: j })),
    ];
  }
  // lengths[i][j]: LCS length of before[i..] and after[j..], one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        before[i] === after[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) ops.push({ type: "same", left: i++, right: j++ });
    else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) ops.push({ type: "removed", left: i++ });
    else ops.push({ type: "added", right: j++ });
  }
  while (i < n) ops.push({ type: "removed", left: i++ });
  while (j < m) ops.push({ type: "added", right: j++ });
  return ops;
}

export function sideBySideDiff(beforeText: string, afterText: string): DiffRow[] {
  const before = splitLines(beforeText);
  const after = splitLines(afterText);
  const ops = alignment(before, after);
  const rows: DiffRow[] = [];
  const left = (index: number) => ({ number: index + 1, text: before[index]! });
  const right = (index: number) => ({ number: index + 1, text: after[index]! });
  let k = 0;
  while (k < ops.length) {
    const op = ops[k]!;
    if (op.type === "same") {
      rows.push({ type: "same", left: left(op.left!), right: right(op.right!) });
      k++;
      continue;
    }
    const removed: number[] = [];
    const added: number[] = [];
    while (k < ops.length && ops[k]!.type !== "same") {
      const change = ops[k]!;
      if (change.type === "removed") removed.push(change.left!);
      else added.push(change.right!);
      k++;
    }
    const paired = Math.max(removed.length, added.length);
    for (let p = 0; p < paired; p++) {
      const l = removed[p];
      const r = added[p];
      const type: DiffRowType = l !== undefined && r !== undefined ? "changed" : l !== undefined ? "removed" : "added";
      rows.push({ type, left: l !== undefined ? left(l) : null, right: r !== undefined ? right(r) : null });
    }
  }
  return rows;
}

export type DiffSegment = DiffRow | { type: "skipped"; rows: DiffRow[] };

/**
 * Long runs of unchanged lines fold into one "skipped" segment holding them (the page can
 * still show them), keeping `context` lines around changes.
 */
export function collapseUnchanged(rows: readonly DiffRow[], context = 3): DiffSegment[] {
  const out: DiffSegment[] = [];
  let k = 0;
  while (k < rows.length) {
    if (rows[k]!.type !== "same") {
      out.push(rows[k]!);
      k++;
      continue;
    }
    let end = k;
    while (end < rows.length && rows[end]!.type === "same") end++;
    const run = rows.slice(k, end);
    const head = k === 0 ? 0 : context;
    const tail = end === rows.length ? 0 : context;
    if (run.length > head + tail + 1) {
      out.push(
        ...run.slice(0, head),
        { type: "skipped", rows: run.slice(head, run.length - tail) },
        ...run.slice(run.length - tail),
      );
    } else {
      out.push(...run);
    }
    k = end;
  }
  return out;
}
