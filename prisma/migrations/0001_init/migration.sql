-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'author', 'approver', 'admin');

-- CreateEnum
CREATE TYPE "ObjectKind" AS ENUM ('data_source', 'entity', 'feature_view', 'feature', 'feature_service', 'model', 'saved_dataset');

-- CreateEnum
CREATE TYPE "DataSourceKind" AS ENUM ('batch', 'stream', 'request');

-- CreateEnum
CREATE TYPE "FeatureViewKind" AS ENUM ('batch', 'stream', 'on_demand');

-- CreateEnum
CREATE TYPE "PromotionState" AS ENUM ('open', 'approved', 'applied', 'rejected', 'withdrawn');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('approve', 'reject', 'request_changes');

-- CreateEnum
CREATE TYPE "CheckStatus" AS ENUM ('pass', 'warn', 'fail');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('running', 'success', 'failed');

-- CreateEnum
CREATE TYPE "ProfileSource" AS ENUM ('offline', 'online');

-- CreateEnum
CREATE TYPE "MonitorKind" AS ENUM ('freshness', 'latency_p99', 'error_rate', 'statistic');

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('warning', 'critical');

-- CreateTable
CREATE TABLE "workspace" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "environment" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "required_approvals" INTEGER NOT NULL DEFAULT 1,
    "block_on_health" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "environment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMP(3),

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_member" (
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "team_member_pkey" PRIMARY KEY ("team_id","user_id")
);

-- CreateTable
CREATE TABLE "workspace_member" (
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_member_pkey" PRIMARY KEY ("workspace_id","user_id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMP(3) NOT NULL,
    "blocked_until" TIMESTAMP(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "app_setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "data_source" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "DataSourceKind" NOT NULL,
    "platform" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "event_timestamp_column" TEXT,
    "batch_source_id" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "team_id" TEXT,
    "tags" TEXT[],
    "options" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_source_column" (
    "id" TEXT NOT NULL,
    "data_source_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,

    CONSTRAINT "data_source_column_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entity" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "team_id" TEXT,
    "tags" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entity_join_key" (
    "id" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value_type" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "entity_join_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feature_view" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "FeatureViewKind" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "team_id" TEXT,
    "tags" TEXT[],
    "transformation" TEXT NOT NULL DEFAULT '',
    "transformation_language" TEXT NOT NULL DEFAULT 'sql',
    "schedule" TEXT,
    "schedule_seconds" INTEGER,
    "ttl_seconds" INTEGER,
    "slide_interval" TEXT,
    "slide_interval_seconds" INTEGER,
    "freshness_sla_seconds" INTEGER,
    "online" BOOLEAN NOT NULL DEFAULT true,
    "offline" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feature_view_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feature_view_source" (
    "feature_view_id" TEXT NOT NULL,
    "data_source_id" TEXT NOT NULL,

    CONSTRAINT "feature_view_source_pkey" PRIMARY KEY ("feature_view_id","data_source_id")
);

-- CreateTable
CREATE TABLE "feature_view_entity" (
    "feature_view_id" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,

    CONSTRAINT "feature_view_entity_pkey" PRIMARY KEY ("feature_view_id","entity_id")
);

-- CreateTable
CREATE TABLE "feature_view_input" (
    "feature_view_id" TEXT NOT NULL,
    "input_feature_view_id" TEXT NOT NULL,

    CONSTRAINT "feature_view_input_pkey" PRIMARY KEY ("feature_view_id","input_feature_view_id")
);

-- CreateTable
CREATE TABLE "aggregation" (
    "id" TEXT NOT NULL,
    "feature_view_id" TEXT NOT NULL,
    "function" TEXT NOT NULL,
    "column" TEXT NOT NULL,
    "windows" TEXT[],
    "slide_interval" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "aggregation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feature" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "feature_view_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value_type" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[],
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feature_source_column" (
    "feature_id" TEXT NOT NULL,
    "column_id" TEXT NOT NULL,

    CONSTRAINT "feature_source_column_pkey" PRIMARY KEY ("feature_id","column_id")
);

-- CreateTable
CREATE TABLE "feature_service" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "team_id" TEXT,
    "tags" TEXT[],
    "latency_budget_ms" INTEGER NOT NULL DEFAULT 50,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feature_service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feature_service_feature" (
    "feature_service_id" TEXT NOT NULL,
    "feature_id" TEXT NOT NULL,

    CONSTRAINT "feature_service_feature_pkey" PRIMARY KEY ("feature_service_id","feature_id")
);

-- CreateTable
CREATE TABLE "model" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL DEFAULT '1',
    "description" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "team_id" TEXT,
    "tags" TEXT[],
    "endpoint" TEXT NOT NULL DEFAULT '',
    "training_dataset_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_feature_service" (
    "model_id" TEXT NOT NULL,
    "feature_service_id" TEXT NOT NULL,

    CONSTRAINT "model_feature_service_pkey" PRIMARY KEY ("model_id","feature_service_id")
);

-- CreateTable
CREATE TABLE "saved_dataset" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "team_id" TEXT,
    "tags" TEXT[],
    "storage" TEXT NOT NULL DEFAULT '',
    "feature_service_id" TEXT,
    "feature_refs" TEXT[],
    "row_count" BIGINT,
    "start_at" TIMESTAMP(3),
    "end_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "definition_version" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "object_kind" "ObjectKind" NOT NULL,
    "object_id" TEXT NOT NULL,
    "object_name" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content_hash" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "author_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "definition_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "active_version" (
    "environment_id" TEXT NOT NULL,
    "object_kind" "ObjectKind" NOT NULL,
    "object_id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "activated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_by_id" TEXT,
    "promotion_request_id" TEXT,

    CONSTRAINT "active_version_pkey" PRIMARY KEY ("environment_id","object_kind","object_id")
);

-- CreateTable
CREATE TABLE "promotion_request" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "source_environment_id" TEXT NOT NULL,
    "target_environment_id" TEXT NOT NULL,
    "state" "PromotionState" NOT NULL DEFAULT 'open',
    "author_id" TEXT NOT NULL,
    "target_snapshot_hash" TEXT NOT NULL,
    "reverts_request_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "promotion_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_item" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "object_kind" "ObjectKind" NOT NULL,
    "object_id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "previous_version_id" TEXT,

    CONSTRAINT "promotion_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_review" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promotion_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_check" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "CheckStatus" NOT NULL,
    "blocking" BOOLEAN NOT NULL,
    "message" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promotion_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" TEXT,
    "actor_user_id" TEXT,
    "actor_token_id" TEXT,
    "action" TEXT NOT NULL,
    "object_kind" TEXT,
    "object_id" TEXT,
    "object_name" TEXT,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "object_kind" "ObjectKind" NOT NULL,
    "object_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "star" (
    "user_id" TEXT NOT NULL,
    "object_kind" "ObjectKind" NOT NULL,
    "object_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "star_pkey" PRIMARY KEY ("user_id","object_kind","object_id")
);

-- CreateTable
CREATE TABLE "materialization_run" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "feature_view_id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),
    "rows_written" BIGINT,
    "watermark" TIMESTAMP(3),
    "compute_seconds" DOUBLE PRECISION,
    "cost" DOUBLE PRECISION,

    CONSTRAINT "materialization_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "serving_metric" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "feature_service_id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "bucket_start" TIMESTAMP(3) NOT NULL,
    "bucket_seconds" INTEGER NOT NULL,
    "request_count" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,
    "latency_p50_ms" DOUBLE PRECISION NOT NULL,
    "latency_p95_ms" DOUBLE PRECISION NOT NULL,
    "latency_p99_ms" DOUBLE PRECISION NOT NULL,
    "histogram" JSONB,
    "view_timings" JSONB,

    CONSTRAINT "serving_metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feature_profile" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "feature_id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "source" "ProfileSource" NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "window_end" TIMESTAMP(3) NOT NULL,
    "bin_edges" DOUBLE PRECISION[],
    "categories" TEXT[],
    "counts" DOUBLE PRECISION[],
    "count" BIGINT NOT NULL,
    "null_count" BIGINT NOT NULL DEFAULT 0,
    "mean" DOUBLE PRECISION,
    "std" DOUBLE PRECISION,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "quantiles" JSONB,
    "saved_dataset_id" TEXT,

    CONSTRAINT "feature_profile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statistic_threshold" (
    "feature_id" TEXT NOT NULL,
    "statistic" TEXT NOT NULL,
    "warn" DOUBLE PRECISION NOT NULL,
    "alert" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "statistic_threshold_pkey" PRIMARY KEY ("feature_id","statistic")
);

-- CreateTable
CREATE TABLE "monitor" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "MonitorKind" NOT NULL,
    "object_kind" "ObjectKind",
    "object_id" TEXT,
    "statistic" TEXT,
    "threshold" DOUBLE PRECISION,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "monitor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "monitor_id" TEXT NOT NULL,
    "object_kind" "ObjectKind" NOT NULL,
    "object_id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "severity" "AlertSeverity" NOT NULL,
    "message" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "threshold" DOUBLE PRECISION,
    "started_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),
    "acknowledged_at" TIMESTAMP(3),
    "acknowledged_by_id" TEXT,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_key" (
    "key" TEXT NOT NULL,
    "token_id" TEXT,
    "request_hash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "workspace_slug_key" ON "workspace"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "environment_workspace_id_name_key" ON "environment"("workspace_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "environment_workspace_id_position_key" ON "environment"("workspace_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "team_workspace_id_slug_key" ON "team"("workspace_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "team_member_user_id_idx" ON "team_member"("user_id");

-- CreateIndex
CREATE INDEX "workspace_member_user_id_idx" ON "workspace_member"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_workspace_id_idx" ON "api_token"("workspace_id");

-- CreateIndex
CREATE INDEX "data_source_team_id_idx" ON "data_source"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "data_source_workspace_id_name_key" ON "data_source"("workspace_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "data_source_column_data_source_id_name_key" ON "data_source_column"("data_source_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "entity_workspace_id_name_key" ON "entity"("workspace_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "entity_join_key_entity_id_name_key" ON "entity_join_key"("entity_id", "name");

-- CreateIndex
CREATE INDEX "feature_view_workspace_id_kind_idx" ON "feature_view"("workspace_id", "kind");

-- CreateIndex
CREATE INDEX "feature_view_team_id_idx" ON "feature_view"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "feature_view_workspace_id_name_key" ON "feature_view"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "feature_view_source_data_source_id_idx" ON "feature_view_source"("data_source_id");

-- CreateIndex
CREATE INDEX "feature_view_entity_entity_id_idx" ON "feature_view_entity"("entity_id");

-- CreateIndex
CREATE INDEX "feature_view_input_input_feature_view_id_idx" ON "feature_view_input"("input_feature_view_id");

-- CreateIndex
CREATE INDEX "aggregation_feature_view_id_idx" ON "aggregation"("feature_view_id");

-- CreateIndex
CREATE INDEX "feature_workspace_id_name_idx" ON "feature"("workspace_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "feature_feature_view_id_name_key" ON "feature"("feature_view_id", "name");

-- CreateIndex
CREATE INDEX "feature_source_column_column_id_idx" ON "feature_source_column"("column_id");

-- CreateIndex
CREATE UNIQUE INDEX "feature_service_workspace_id_name_key" ON "feature_service"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "feature_service_feature_feature_id_idx" ON "feature_service_feature"("feature_id");

-- CreateIndex
CREATE INDEX "model_training_dataset_id_idx" ON "model"("training_dataset_id");

-- CreateIndex
CREATE UNIQUE INDEX "model_workspace_id_name_key" ON "model"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "model_feature_service_feature_service_id_idx" ON "model_feature_service"("feature_service_id");

-- CreateIndex
CREATE UNIQUE INDEX "saved_dataset_workspace_id_name_key" ON "saved_dataset"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "definition_version_workspace_id_object_kind_object_name_idx" ON "definition_version"("workspace_id", "object_kind", "object_name");

-- CreateIndex
CREATE UNIQUE INDEX "definition_version_object_kind_object_id_number_key" ON "definition_version"("object_kind", "object_id", "number");

-- CreateIndex
CREATE INDEX "active_version_object_kind_object_id_idx" ON "active_version"("object_kind", "object_id");

-- CreateIndex
CREATE INDEX "promotion_request_workspace_id_state_idx" ON "promotion_request"("workspace_id", "state");

-- CreateIndex
CREATE INDEX "promotion_request_author_id_idx" ON "promotion_request"("author_id");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_request_workspace_id_number_key" ON "promotion_request"("workspace_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_item_request_id_object_kind_object_id_key" ON "promotion_item"("request_id", "object_kind", "object_id");

-- CreateIndex
CREATE INDEX "promotion_review_request_id_idx" ON "promotion_review"("request_id");

-- CreateIndex
CREATE INDEX "promotion_check_request_id_idx" ON "promotion_check"("request_id");

-- CreateIndex
CREATE INDEX "audit_log_workspace_id_created_at_idx" ON "audit_log"("workspace_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_object_kind_object_id_idx" ON "audit_log"("object_kind", "object_id");

-- CreateIndex
CREATE INDEX "audit_log_actor_user_id_idx" ON "audit_log"("actor_user_id");

-- CreateIndex
CREATE INDEX "comment_object_kind_object_id_created_at_idx" ON "comment"("object_kind", "object_id", "created_at");

-- CreateIndex
CREATE INDEX "star_object_kind_object_id_idx" ON "star"("object_kind", "object_id");

-- CreateIndex
CREATE INDEX "materialization_run_feature_view_id_environment_id_started__idx" ON "materialization_run"("feature_view_id", "environment_id", "started_at");

-- CreateIndex
CREATE INDEX "materialization_run_workspace_id_started_at_idx" ON "materialization_run"("workspace_id", "started_at");

-- CreateIndex
CREATE INDEX "serving_metric_workspace_id_bucket_seconds_bucket_start_idx" ON "serving_metric"("workspace_id", "bucket_seconds", "bucket_start");

-- CreateIndex
CREATE UNIQUE INDEX "serving_metric_feature_service_id_environment_id_bucket_sec_key" ON "serving_metric"("feature_service_id", "environment_id", "bucket_seconds", "bucket_start");

-- CreateIndex
CREATE INDEX "feature_profile_workspace_id_window_start_idx" ON "feature_profile"("workspace_id", "window_start");

-- CreateIndex
CREATE UNIQUE INDEX "feature_profile_feature_id_environment_id_source_window_sta_key" ON "feature_profile"("feature_id", "environment_id", "source", "window_start", "window_end");

-- CreateIndex
CREATE INDEX "monitor_workspace_id_idx" ON "monitor"("workspace_id");

-- CreateIndex
CREATE INDEX "alert_workspace_id_ended_at_idx" ON "alert"("workspace_id", "ended_at");

-- CreateIndex
CREATE INDEX "alert_object_kind_object_id_idx" ON "alert"("object_kind", "object_id");

-- AddForeignKey
ALTER TABLE "environment" ADD CONSTRAINT "environment_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team" ADD CONSTRAINT "team_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_member" ADD CONSTRAINT "workspace_member_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_member" ADD CONSTRAINT "workspace_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_source_column" ADD CONSTRAINT "data_source_column_data_source_id_fkey" FOREIGN KEY ("data_source_id") REFERENCES "data_source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entity_join_key" ADD CONSTRAINT "entity_join_key_entity_id_fkey" FOREIGN KEY ("entity_id") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_view_source" ADD CONSTRAINT "feature_view_source_feature_view_id_fkey" FOREIGN KEY ("feature_view_id") REFERENCES "feature_view"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_view_entity" ADD CONSTRAINT "feature_view_entity_feature_view_id_fkey" FOREIGN KEY ("feature_view_id") REFERENCES "feature_view"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_view_entity" ADD CONSTRAINT "feature_view_entity_entity_id_fkey" FOREIGN KEY ("entity_id") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_view_input" ADD CONSTRAINT "feature_view_input_feature_view_id_fkey" FOREIGN KEY ("feature_view_id") REFERENCES "feature_view"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_view_input" ADD CONSTRAINT "feature_view_input_input_feature_view_id_fkey" FOREIGN KEY ("input_feature_view_id") REFERENCES "feature_view"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aggregation" ADD CONSTRAINT "aggregation_feature_view_id_fkey" FOREIGN KEY ("feature_view_id") REFERENCES "feature_view"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature" ADD CONSTRAINT "feature_feature_view_id_fkey" FOREIGN KEY ("feature_view_id") REFERENCES "feature_view"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_source_column" ADD CONSTRAINT "feature_source_column_feature_id_fkey" FOREIGN KEY ("feature_id") REFERENCES "feature"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_source_column" ADD CONSTRAINT "feature_source_column_column_id_fkey" FOREIGN KEY ("column_id") REFERENCES "data_source_column"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_service_feature" ADD CONSTRAINT "feature_service_feature_feature_service_id_fkey" FOREIGN KEY ("feature_service_id") REFERENCES "feature_service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_service_feature" ADD CONSTRAINT "feature_service_feature_feature_id_fkey" FOREIGN KEY ("feature_id") REFERENCES "feature"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_feature_service" ADD CONSTRAINT "model_feature_service_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_feature_service" ADD CONSTRAINT "model_feature_service_feature_service_id_fkey" FOREIGN KEY ("feature_service_id") REFERENCES "feature_service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_item" ADD CONSTRAINT "promotion_item_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "promotion_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_review" ADD CONSTRAINT "promotion_review_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "promotion_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_check" ADD CONSTRAINT "promotion_check_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "promotion_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

