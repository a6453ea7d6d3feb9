-- Monitoring: re-reported materialization runs update their row; pinned drift baselines.

-- DropIndex
DROP INDEX "materialization_run_feature_view_id_environment_id_started__idx";

-- CreateIndex
CREATE UNIQUE INDEX "materialization_run_view_env_started_key" ON "materialization_run"("feature_view_id", "environment_id", "started_at");

-- CreateTable
CREATE TABLE "drift_baseline" (
    "feature_id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "window_end" TIMESTAMP(3) NOT NULL,
    "pinned_by_id" TEXT,
    "pinned_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "drift_baseline_pkey" PRIMARY KEY ("feature_id","environment_id")
);
