// GET /api/v1/catalog/{kind}/{id}/comments lists the discussion; POST adds a comment.
import { requireUserPrincipal } from "@/lib/api/operations/catalog";
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { requireObjectHeader } from "@/lib/server/catalog";
import { addComment, listComments } from "@/lib/server/social";
import { commentInputSchema, parseObjectParams } from "@/lib/validations/catalog";

export const GET = apiRoute<{ kind: string; id: string }>(
  { role: "viewer", scope: "read" },
  async ({ principal, params }) => {
    const { kind, id } = parseObjectParams(params);
    await requireObjectHeader({ workspaceId: principal.workspaceId, kind, id });
    return { comments: await listComments({ workspaceId: principal.workspaceId, kind, id }) };
  },
);

export const POST = apiRoute<{ kind: string; id: string }>(
  { role: "viewer" },
  async ({ request, principal, params }) => {
    const user = requireUserPrincipal(principal);
    const { kind, id } = parseObjectParams(params);
    const input = await readJsonBody(request, commentInputSchema, 64 * 1024);
    const comment = await addComment(
      { workspaceId: user.workspaceId, userId: user.userId, kind, id, body: input.body },
      actorOf(principal),
    );
    return jsonResponse(comment, 201);
  },
);
