/**
 * Alerts, split by job: badges (open alerts per object), names, list and detail with the
 * timeline, lifecycle (acknowledge, snooze, resolve, mute), evaluation of rules, reminders.
 */
export * from "@/lib/data/alerts/badges";
export * from "@/lib/data/alerts/names";
export * from "@/lib/data/alerts/list";
export * from "@/lib/data/alerts/lifecycle";
export * from "@/lib/data/alerts/evaluate";
export * from "@/lib/data/alerts/reminders";
