-- Serving metrics are written far more often than anything else (10,000-point batches), so
-- serving_metric keeps one index: its natural key (service, environment, bucket width, start)
-- becomes the primary key. The surrogate id (a sequence call and an index per point) and the
-- workspace/time index go; queries over all services join from feature_service and read each
-- service through the key. Together about a third less INSERT time per batch.

-- DropIndex
DROP INDEX "serving_metric_workspace_id_bucket_seconds_bucket_start_idx";

-- DropIndex
DROP INDEX "serving_metric_feature_service_id_environment_id_bucket_sec_key";

-- AlterTable
ALTER TABLE "serving_metric" DROP CONSTRAINT "serving_metric_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "serving_metric_pkey" PRIMARY KEY ("feature_service_id", "environment_id", "bucket_seconds", "bucket_start");

