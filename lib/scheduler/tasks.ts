import "server-only";
import { enqueueAlertReminders, evaluateRules } from "@/lib/data/alerts";
import { syncDueFeastRegistries } from "@/lib/data/feast-sync";
import { runAsLongWrite } from "@/lib/db/long-write";
import { drainDeliveries } from "@/lib/data/notifications/deliveries";
import type { Db } from "@/lib/db";
import type { RuleKind } from "@/lib/generated/prisma/enums";
import type { ScheduledTaskDefinition } from "@/lib/scheduler/scheduler";

export interface AppTaskSettings {
  freshnessIntervalMs: number;
  alertRepeatMs: number;
}

/**
 * Evaluates the rules of the given kinds in every workspace (a failing workspace does not stop the
 * others). Notifications start going out as soon as a rule's alerts commit, not at the end of the
 * tick nor at the next delivery poll; the tick ends when they have been sent (or failed).
 */
export async function evaluateEveryWorkspace(prisma: Db, kinds: readonly RuleKind[], now: Date) {
  const workspaces = await prisma.workspace.findMany({ select: { id: true } });
  const failures: string[] = [];
  const sending: Promise<unknown>[] = [];
  const sendNow = () => {
    // Concurrent drains are safe: each claims its deliveries with SKIP LOCKED.
    sending.push(drainDeliveries(prisma).catch((error: Error) => failures.push(`deliveries: ${error.message}`)));
  };
  for (const workspace of workspaces) {
    try {
      await evaluateRules(prisma, { workspaceId: workspace.id, kinds, now, onNotificationsQueued: sendNow });
    } catch (error) {
      failures.push(`${workspace.id}: ${(error as Error).message}`);
    }
  }
  await Promise.all(sending);
  // Anything queued but not claimed above (more than a drain's batch) goes out now too.
  await drainDeliveries(prisma);
  if (failures.length > 0) throw new Error(`evaluation failed in ${failures.join("; ")}`);
}

/**
 * The registry of periodic tasks every server process runs (each tick once across instances).
 * Another periodic job is one more entry here, e.g. a Feast registry sync:
 * `{ name: "feast-registry-sync", intervalMs, run: (prisma) => syncDueFeastRegistries(prisma) }`.
 */
export function appTasks(settings: AppTaskSettings): ScheduledTaskDefinition[] {
  return [
    {
      // Absence of data is only noticed by looking: a pipeline that stops raises nothing on ingestion.
      name: "evaluate-freshness",
      intervalMs: settings.freshnessIntervalMs,
      run: (prisma, { now }) => evaluateEveryWorkspace(prisma, ["freshness"], now),
    },
    {
      // p99 and error rate are judged over the last 15 minutes: a minute step keeps the window rolling.
      name: "evaluate-serving",
      intervalMs: 60_000,
      run: (prisma, { now }) => evaluateEveryWorkspace(prisma, ["latency_p99", "error_rate"], now),
    },
    {
      // Profiles arrive daily or hourly; ingestion evaluates them on arrival, this catches the rest.
      name: "evaluate-statistics",
      intervalMs: 15 * 60_000,
      run: (prisma, { now }) => evaluateEveryWorkspace(prisma, ["statistic"], now),
    },
    {
      name: "alert-reminders",
      intervalMs: Math.min(60_000, Math.max(1_000, Math.round(settings.alertRepeatMs / 4))),
      run: async (prisma, { now }) => {
        if ((await enqueueAlertReminders(prisma, { now, repeatMs: settings.alertRepeatMs })) > 0)
          await drainDeliveries(prisma);
      },
    },
    {
      // New deliveries and retries whose backoff has passed.
      name: "deliveries",
      intervalMs: 2_000,
      leaseMs: 60_000,
      run: (prisma) => drainDeliveries(prisma),
    },
    {
      // Each followed Feast registry has its own interval (default 5 min) and is claimed in the
      // database; this tick only looks for the due ones. A large import may run for minutes,
      // so it is a long write: on the embedded database other requests read a snapshot meanwhile.
      name: "feast-sync",
      intervalMs: 30_000,
      leaseMs: 15 * 60_000,
      run: async (prisma, { now }) => {
        await runAsLongWrite(() => syncDueFeastRegistries(prisma, now));
      },
    },
  ];
}
