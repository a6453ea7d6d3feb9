// POST /api/v1/channels/{id}/test — send a test notification now and say whether it arrived.
import { apiRoute } from "@/lib/api/handler";
import { sendTestNotification } from "@/lib/server/notifications/channels";
import { idParamSchema } from "@/lib/validations/admin";

export const POST = apiRoute<{ id: string }>({ role: "admin" }, async ({ principal, params }) =>
  sendTestNotification({ workspaceId: principal.workspaceId, channelId: idParamSchema.parse(params.id) }),
);
