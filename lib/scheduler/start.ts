import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { startScheduler, type RunningScheduler } from "@/lib/scheduler/scheduler";
import { appTasks } from "@/lib/scheduler/tasks";

const globalForScheduler = globalThis as typeof globalThis & { __featurelineScheduler?: RunningScheduler };

/**
 * Starts the app's periodic tasks in this server process, once (Next may call `register()` more
 * than once in development). Off with FEATURELINE_SCHEDULER=0.
 */
export function startAppScheduler(): RunningScheduler | null {
  const config = env();
  if (config.FEATURELINE_SCHEDULER === "0") return null;
  if (globalForScheduler.__featurelineScheduler) return globalForScheduler.__featurelineScheduler;
  const scheduler = startScheduler(
    db(),
    appTasks({
      freshnessIntervalMs: config.FEATURELINE_FRESHNESS_INTERVAL_SECONDS * 1000,
      alertRepeatMs: config.FEATURELINE_ALERT_REPEAT_SECONDS * 1000,
    }),
    { pollMs: config.FEATURELINE_SCHEDULER_POLL_MS },
  );
  globalForScheduler.__featurelineScheduler = scheduler;
  console.log(`featureline: scheduler started (instance ${scheduler.instanceId})`);
  return scheduler;
}
