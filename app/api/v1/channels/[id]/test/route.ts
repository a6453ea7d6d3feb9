// POST /api/v1/channels/{id}/test — send a test notification now and say whether it arrived.
import { apiRoute } from "@/lib/api/handler";
import { sendTestNotification } from "@/lib/data/notifications/channels";
import { db } from "@/lib/db";
import { idParamSchema } from "@/lib/validations/admin";

export const POST = apiRoute<{ id: string }>({ role: "admin" }, async ({ principal, params }) =>
  sendTestNotification(db(), { workspaceId: principal.workspaceId, channelId: idParamSchema.parse(params.id) }),
);
