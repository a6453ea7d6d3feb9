import type { FieldChange } from "@/lib/definitions/diff";

/*
 * What the field-change table shows for each change: the path a person reads (`ttl`,
 * `features[name=amount].valueType`, `tags` for one tag added), each side as one short line,
 * and whether there is more to expand (a nested object, a list, a long or multi-line string).
 * Pure and free of server code (the definition editor shows save conflicts with it), so the audit log, promotion requests and version diffs read changes the same way.
 */

export type { FieldChange } from "@/lib/definitions/diff";

/** One line of a value is cut here; the whole value is behind "expand". */
export const SUMMARY_LIMIT = 120;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface ChangeLabel {
  /** The path to show: a plain list member's index is dropped (`tags`, not `tags[2]`). */
  path: string;
  /** True when the change adds or removes one member of a list of plain values. */
  listItem: boolean;
}

export function changeLabel(change: FieldChange): ChangeLabel {
  const member = /^(.*)\[\d+\]$/.exec(change.path);
  if (member && change.change !== "changed" && !isRecord(change.before ?? change.after)) {
    return { path: member[1] || "(list)", listItem: true };
  }
  return { path: change.path || "(whole value)", listItem: false };
}

export interface ValueSummary {
  /** One line: "1d", "\"2\"", "{ name, valueType }", "[3 items]", "12 lines". */
  text: string;
  /** There is more than the line shows. */
  expandable: boolean;
  /** A multi-line string (code, a long description): expanded as text, not JSON. */
  multiline: boolean;
}

// Strings are shown bare unless they could be read as another type or hide whitespace.
function quoteIfAmbiguous(text: string): string {
  return text === "" || /^\s|\s$/.test(text) || /^(true|false|null|-?\d+(\.\d+)?)$/.test(text)
    ? JSON.stringify(text)
    : text;
}

function cut(text: string): { text: string; cut: boolean } {
  return text.length > SUMMARY_LIMIT
    ? { text: `${text.slice(0, SUMMARY_LIMIT - 1)}…`, cut: true }
    : { text, cut: false };
}

export function summariseValue(value: unknown): ValueSummary {
  if (value === undefined) return { text: "—", expandable: false, multiline: false };
  if (typeof value === "string") {
    if (value.includes("\n")) {
      const lines = value.replace(/\n$/, "").split("\n").length;
      return { text: `${lines} lines`, expandable: true, multiline: true };
    }
    const shown = cut(quoteIfAmbiguous(value));
    return { text: shown.text, expandable: shown.cut, multiline: false };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { text: "[]", expandable: false, multiline: false };
    const plain = value.every((item) => !isRecord(item) && !Array.isArray(item));
    const inline = plain ? `[${value.map((item) => JSON.stringify(item)).join(", ")}]` : "";
    if (plain && inline.length <= SUMMARY_LIMIT) return { text: inline, expandable: false, multiline: false };
    return { text: `[${value.length} item${value.length === 1 ? "" : "s"}]`, expandable: true, multiline: false };
  }
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return { text: "{}", expandable: false, multiline: false };
    return { text: cut(`{ ${keys.join(", ")} }`).text, expandable: true, multiline: false };
  }
  return { text: String(value), expandable: false, multiline: false };
}

/** The whole value for the expanded view: text as it is, anything else as indented JSON. */
export function fullValue(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}
