/**
 * Checks proxy.ts makes before Next.js itself touches a request, for input that would make the
 * framework throw (a 500) before any of our code runs: a path with a malformed percent escape
 * (Next decodes route params), and a server-action call whose argument list is not JSON or is
 * nested deeper than any form of ours (React's reply decoder recurses per level). Pure.
 */

/** The deepest argument list our own forms send (the definition editor's value) is ~12 levels. */
export const MAX_ACTION_ARGUMENT_DEPTH = 64;

export function hasMalformedEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** Why a server action's encoded argument list is refused, or null when it may go through. */
export function actionArgumentsProblem(encoded: string): string | null {
  if (nestingDepth(encoded) > MAX_ACTION_ARGUMENT_DEPTH) return "The request is nested too deeply.";
  try {
    JSON.parse(encoded);
    return null;
  } catch {
    return "The request is not a valid server-action call.";
  }
}

/** Bracket depth of JSON text, ignoring brackets inside strings; linear and stack-free. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") deepest = Math.max(deepest, ++depth);
    else if (char === "]" || char === "}") depth--;
  }
  return deepest;
}
