-- Settings per workspace (issue 13): the raw-data retention was one instance-wide row in
-- app_setting that any workspace's admin could change, deleting other workspaces' data. Each
-- workspace now keeps its own; the old value carries over to every existing workspace.
-- CreateTable
CREATE TABLE "workspace_setting" (
    "workspace_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_setting_pkey" PRIMARY KEY ("workspace_id","key")
);

-- AddForeignKey
ALTER TABLE "workspace_setting" ADD CONSTRAINT "workspace_setting_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Carry the instance-wide retention over to each workspace, then retire it.
INSERT INTO "workspace_setting" ("workspace_id", "key", "value", "updated_at")
SELECT w."id", s."key", s."value", s."updated_at"
  FROM "workspace" w CROSS JOIN "app_setting" s
 WHERE s."key" = 'monitoring.raw_retention_days';

DELETE FROM "app_setting" WHERE "key" = 'monitoring.raw_retention_days';
