-- Indexes for one evaluation tick over every object (docs/monitoring.md, "How a tick stays fast").
-- Both are partial, which Prisma's schema cannot express, so they live here only.

-- A view's freshness: its newest landed watermark is the first entry of its range, instead of an
-- aggregate over every run it ever had (180 per view after 30 days of 4-hourly runs).
CREATE INDEX "materialization_run_landed_idx" ON "materialization_run" ("feature_view_id", "environment_id", "watermark" DESC)
  WHERE "status" = 'success' AND "watermark" IS NOT NULL;

-- A feature's training baseline (the newest profile of a saved dataset): training profiles are
-- few, so this index is small and a feature without one costs a single probe.
CREATE INDEX "feature_profile_training_idx" ON "feature_profile" ("feature_id", "window_end" DESC)
  WHERE "saved_dataset_id" IS NOT NULL;
