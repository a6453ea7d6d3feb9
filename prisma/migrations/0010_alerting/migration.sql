-- Alerting: one word, "rule" (the monitor table becomes alert_rule), the alert lifecycle
-- (timeline, acknowledgement note, snooze, mutes, how an alert ended), the scheduler's task
-- table, notification channels and the delivery queue.

-- Rename monitor -> alert_rule, keeping every row and alert.
ALTER TYPE "MonitorKind" RENAME TO "RuleKind";
ALTER TABLE "monitor" RENAME TO "alert_rule";
ALTER TABLE "alert_rule" RENAME CONSTRAINT "monitor_pkey" TO "alert_rule_pkey";
ALTER INDEX "monitor_workspace_id_idx" RENAME TO "alert_rule_workspace_id_idx";
ALTER TABLE "alert" RENAME COLUMN "monitor_id" TO "rule_id";
ALTER TABLE "alert" RENAME CONSTRAINT "alert_monitor_id_fkey" TO "alert_rule_id_fkey";

-- Alerts ended before this migration were ended by their condition clearing (or a disabled rule).
ALTER TABLE "alert" ADD COLUMN "acknowledged_note" TEXT,
ADD COLUMN "last_notified_at" TIMESTAMP(3),
ADD COLUMN "resolution" TEXT,
ADD COLUMN "resolved_by_id" TEXT,
ADD COLUMN "snoozed_until" TIMESTAMP(3);
UPDATE "alert" SET "resolution" = 'cleared' WHERE "ended_at" IS NOT NULL;

-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('webhook', 'slack', 'email');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sent', 'failed', 'given_up');

-- CreateTable
CREATE TABLE "alert_event" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_user_id" TEXT,
    "note" TEXT,
    "detail" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rule_mute" (
    "rule_id" TEXT NOT NULL,
    "object_id" TEXT NOT NULL,
    "until" TIMESTAMP(3),
    "note" TEXT,
    "muted_by_id" TEXT,
    "muted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rule_mute_pkey" PRIMARY KEY ("rule_id","object_id")
);

-- CreateTable
CREATE TABLE "scheduled_task" (
    "name" TEXT NOT NULL,
    "interval_ms" INTEGER NOT NULL,
    "next_run_at" TIMESTAMP(3) NOT NULL,
    "lease_until" TIMESTAMP(3),
    "leased_by" TEXT,
    "last_started_at" TIMESTAMP(3),
    "last_finished_at" TIMESTAMP(3),
    "last_duration_ms" INTEGER,
    "last_error" TEXT,

    CONSTRAINT "scheduled_task_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "notification_channel" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ChannelKind" NOT NULL,
    "target" TEXT NOT NULL,
    "signing_secret" TEXT,
    "min_severity" "AlertSeverity" NOT NULL DEFAULT 'warning',
    "team_id" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_delivery" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "alert_id" TEXT,
    "event" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMP(3),
    "last_error" TEXT,
    "response_status" INTEGER,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "notification_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_event_alert_id_at_idx" ON "alert_event"("alert_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_channel_workspace_id_name_key" ON "notification_channel"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "notification_delivery_status_next_attempt_at_idx" ON "notification_delivery"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "notification_delivery_alert_id_idx" ON "notification_delivery"("alert_id");

-- CreateIndex
CREATE INDEX "notification_delivery_channel_id_created_at_idx" ON "notification_delivery"("channel_id", "created_at");

-- AddForeignKey
ALTER TABLE "alert_event" ADD CONSTRAINT "alert_event_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rule_mute" ADD CONSTRAINT "rule_mute_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_delivery" ADD CONSTRAINT "notification_delivery_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

