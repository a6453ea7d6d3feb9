import "server-only";
import { parseQuery } from "@/lib/api/handler";
import type { ApiPrincipal } from "@/lib/api/principal";
import { AppError } from "@/lib/errors";
import { resolveRequestEnvironment } from "@/lib/session";
import { rangeQuerySchema, resolveTimeRange, TimeRangeError } from "@/lib/validations/monitoring";

/** Read access to the dashboards' data: any member, or a token with the read scope. */
export const MONITORING_READ = { role: "viewer", scope: "read" } as const;

/** The environment (URL, else the switcher's, else prod) and time range a dashboard request asks for. */
export async function dashboardScope(request: Request, principal: ApiPrincipal) {
  const query = parseQuery(request, rangeQuerySchema);
  let range;
  try {
    range = resolveTimeRange(query);
  } catch (error) {
    if (error instanceof TimeRangeError) {
      throw new AppError("bad_request", `${error.parameter}: ${error.message}`, {
        fields: [{ path: error.parameter, message: error.message }],
      });
    }
    throw error;
  }
  const environment = await resolveRequestEnvironment(principal.workspaceId, { requested: query.env });
  return { environment, ...range, workspaceId: principal.workspaceId };
}
