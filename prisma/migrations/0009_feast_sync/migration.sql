-- Feast, connected (issue 11): services may have no latency budget (Feast has none), saved
-- datasets keep their join keys, objects keep Feast's created / updated times, and a workspace
-- can follow a registry with a history of sync runs.

-- AlterTable
ALTER TABLE "feature_service" ALTER COLUMN "latency_budget_ms" DROP NOT NULL;

-- AlterTable
ALTER TABLE "saved_dataset" ADD COLUMN     "join_keys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "external_object_meta" (
    "workspace_id" TEXT NOT NULL,
    "object_kind" TEXT NOT NULL,
    "object_name" TEXT NOT NULL,
    "system" TEXT NOT NULL DEFAULT 'feast',
    "created_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3),
    "removed_at" TIMESTAMP(3),

    CONSTRAINT "external_object_meta_pkey" PRIMARY KEY ("workspace_id","object_kind","object_name")
);

-- CreateTable
CREATE TABLE "feast_registry_connection" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "project" TEXT,
    "environment_id" TEXT,
    "interval_seconds" INTEGER NOT NULL DEFAULT 300,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "next_sync_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMP(3),
    "last_content_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feast_registry_connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feast_sync_run" (
    "id" TEXT NOT NULL,
    "connection_id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "feast_sync_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "feast_registry_connection_workspace_id_key" ON "feast_registry_connection"("workspace_id");

-- CreateIndex
CREATE INDEX "feast_registry_connection_next_sync_at_idx" ON "feast_registry_connection"("next_sync_at");

-- CreateIndex
CREATE INDEX "feast_sync_run_connection_id_started_at_idx" ON "feast_sync_run"("connection_id", "started_at");

-- AddForeignKey
ALTER TABLE "feast_sync_run" ADD CONSTRAINT "feast_sync_run_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "feast_registry_connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: connections and Feast timestamps go with their workspace.
ALTER TABLE "feast_registry_connection" ADD CONSTRAINT "feast_registry_connection_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "external_object_meta" ADD CONSTRAINT "external_object_meta_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
