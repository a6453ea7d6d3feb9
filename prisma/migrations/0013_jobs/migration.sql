-- Background jobs (issue 14 item 3): long applies, Feast imports and syncs run outside the
-- request, claimed once across app instances by a conditional UPDATE with a renewable lease.
-- The workspace and creator are plain foreign keys (not Prisma relations) so deleting a workspace
-- drops its jobs and deleting a user keeps the job's record.
-- CreateTable
CREATE TABLE "job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "input" JSONB,
    "phase" TEXT,
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER,
    "result" JSONB,
    "error" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leased_by" TEXT,
    "lease_until" TIMESTAMP(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_state_created_at_idx" ON "job"("state", "created_at");

-- CreateIndex
CREATE INDEX "job_workspace_id_created_at_idx" ON "job"("workspace_id", "created_at");


ALTER TABLE "job" ADD CONSTRAINT "job_state_check"
    CHECK ("state" IN ('queued', 'running', 'succeeded', 'failed'));

ALTER TABLE "job" ADD CONSTRAINT "job_workspace_id_fkey" FOREIGN KEY ("workspace_id")
    REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "job" ADD CONSTRAINT "job_created_by_id_fkey" FOREIGN KEY ("created_by_id")
    REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
