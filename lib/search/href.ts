/** URL of an object's catalog page (pure; usable on the client). */
export function catalogHref(kind: string, id: string): string {
  return `/catalog/${kind}/${encodeURIComponent(id)}`;
}
