// GET /api/v1/channels/{id}/deliveries — the channel's delivery log, newest first.
import { apiRoute } from "@/lib/api/handler";
import { listDeliveries } from "@/lib/server/notifications/deliveries";
import { idParamSchema } from "@/lib/validations/admin";

export const GET = apiRoute<{ id: string }>({ role: "admin" }, async ({ principal, params }) => ({
  deliveries: await listDeliveries({
    workspaceId: principal.workspaceId,
    channelId: idParamSchema.parse(params.id),
  }),
}));
