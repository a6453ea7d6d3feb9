import { z } from "zod";
import type { ApiOperation } from "@/lib/api/operations/types";
import { jobSchema } from "@/lib/validations/jobs";

export const jobOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/jobs/{id}",
    summary:
      "A background job of this workspace (404 for any other): state queued → running → succeeded | failed, progress (phase, done / total), then `result` (what the synchronous call answers) or `error` (its code, HTTP status, message and fields). Poll every second or so until the state is succeeded or failed.",
    tag: "Jobs",
    auth: { role: "viewer", scope: "apply" },
    response: z.object({ job: jobSchema }),
  },
];
