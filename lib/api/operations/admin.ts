import { z } from "zod";
import type { ApiOperation } from "@/lib/api/operations/types";
import {
  apiTokenInputSchema,
  apiTokenSchema,
  createdApiTokenSchema,
  roleChangeInputSchema,
  userSchema,
} from "@/lib/validations/admin";

export const adminOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/tokens",
    summary: "List the workspace's API tokens (never the tokens themselves).",
    tag: "Admin",
    auth: { role: "admin" },
    response: z.object({ tokens: z.array(apiTokenSchema) }),
  },
  {
    method: "post",
    path: "/api/v1/tokens",
    summary: "Create an API token. The response holds the token in clear, once.",
    tag: "Admin",
    auth: { role: "admin" },
    body: apiTokenInputSchema,
    response: createdApiTokenSchema,
    responseStatus: 201,
  },
  {
    method: "delete",
    path: "/api/v1/tokens/{id}",
    summary: "Revoke an API token.",
    tag: "Admin",
    auth: { role: "admin" },
  },
  {
    method: "get",
    path: "/api/v1/users",
    summary: "List the workspace's members and their roles.",
    tag: "Admin",
    auth: { role: "admin" },
    response: z.object({ users: z.array(userSchema) }),
  },
  {
    method: "patch",
    path: "/api/v1/users/{id}",
    summary: "Change a member's role in the workspace.",
    tag: "Admin",
    auth: { role: "admin" },
    body: roleChangeInputSchema,
    response: userSchema,
  },
];
