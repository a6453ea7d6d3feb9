// GET /api/health — no auth: for load balancers and people checking a deployment.
import { publicRoute, jsonResponse } from "@/lib/api/handler";
import { getHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const health = await getHealth();
  return jsonResponse(health, health.status === "ok" ? 200 : 503);
});
