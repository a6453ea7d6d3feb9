import { AppError } from "@/lib/errors";

/** The environment switcher's choice, remembered per browser. */
export const ENVIRONMENT_COOKIE = "fl-env";

export interface EnvironmentChoice {
  /** The name in the URL (`?env=`), if any. */
  requested?: string | null;
  /** The switcher's choice (its cookie), if any. */
  preferred?: string | null;
  /** The query parameter an unknown `requested` name is reported against. */
  parameter?: string;
}

/**
 * The one environment resolver, for every page and API: the environment named in the URL when
 * given (an unknown name is a 400 naming the parameter), else the switcher's choice while it
 * still exists, else the last of the promotion chain (prod): what is live is what a control
 * centre opens on. `environments` are in chain order (position ascending).
 */
export function pickEnvironment<E extends { name: string }>(
  environments: readonly E[],
  choice: EnvironmentChoice = {},
): E {
  const parameter = choice.parameter ?? "env";
  if (choice.requested) {
    const found = environments.find((environment) => environment.name === choice.requested);
    if (!found) {
      throw new AppError("bad_request", `${parameter}: no environment named "${choice.requested}" in this workspace.`, {
        fields: [{ path: parameter, message: "unknown environment" }],
      });
    }
    return found;
  }
  const fallback = environments.find((environment) => environment.name === choice.preferred) ?? environments.at(-1);
  if (!fallback) throw new AppError("not_found", "This workspace has no environments.");
  return fallback;
}
