// GET /api/v1/channels/{id}/deliveries — the channel's delivery log, newest first.
import { apiRoute } from "@/lib/api/handler";
import { listDeliveries } from "@/lib/data/notifications/deliveries";
import { db } from "@/lib/db";
import { idParamSchema } from "@/lib/validations/admin";

export const GET = apiRoute<{ id: string }>({ role: "admin" }, async ({ principal, params }) => ({
  deliveries: await listDeliveries(db(), {
    workspaceId: principal.workspaceId,
    channelId: idParamSchema.parse(params.id),
  }),
}));
