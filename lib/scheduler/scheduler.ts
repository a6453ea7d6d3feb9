import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";

/**
 * A periodic task. `run` gets the tick it was claimed for (`scheduledAt`, which is in the past
 * when a missed tick is being caught up) and the time it actually starts (`now`).
 */
export interface ScheduledTaskDefinition {
  name: string;
  intervalMs: number;
  /**
   * How long a claimed tick stays reserved. An instance that dies mid-run leaves the tick to be
   * claimed again by another instance once the lease expires (so it is caught up, not lost).
   */
  leaseMs?: number;
  run(prisma: Db, tick: { scheduledAt: Date; now: Date }): Promise<unknown>;
}

export interface TickOutcome {
  task: string;
  scheduledAt: Date;
  durationMs: number;
  error?: string;
}

/** Missed ticks beyond this many are skipped in one step (a server down for a day runs its backlog once). */
export const MAX_CATCH_UP_TICKS = 60;
const DEFAULT_LEASE_MS = 5 * 60_000;

/** Creates the task's row on first use; a changed interval applies from the next tick. */
async function ensureTaskRow(prisma: Db, task: ScheduledTaskDefinition): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO scheduled_task (name, interval_ms, next_run_at)
    VALUES (${task.name}, ${task.intervalMs}, clock_timestamp() AT TIME ZONE 'UTC')
    ON CONFLICT (name) DO UPDATE SET interval_ms = EXCLUDED.interval_ms
    WHERE scheduled_task.interval_ms <> EXCLUDED.interval_ms`;
}

/**
 * Claims the task's oldest due tick for this instance, or returns null. The conditional UPDATE
 * is the whole lock: of several instances polling at once, exactly one row update succeeds.
 * Times come from the database clock so instances with drifting clocks still agree.
 */
async function claimTick(
  prisma: Db,
  task: ScheduledTaskDefinition,
  instanceId: string,
): Promise<{ scheduledAt: Date; now: Date } | null> {
  const leaseMs = task.leaseMs ?? Math.max(DEFAULT_LEASE_MS, task.intervalMs);
  const maxBehindMs = task.intervalMs * MAX_CATCH_UP_TICKS;
  const rows = await prisma.$queryRaw<{ scheduled_at: Date; now: Date }[]>`
    WITH clock AS (SELECT clock_timestamp() AT TIME ZONE 'UTC' AS now)
    UPDATE scheduled_task SET
      -- A backlog longer than MAX_CATCH_UP_TICKS collapses to its last tick.
      next_run_at = GREATEST(next_run_at, clock.now - make_interval(secs => ${maxBehindMs} / 1000.0)),
      lease_until = clock.now + make_interval(secs => ${leaseMs} / 1000.0),
      leased_by = ${instanceId},
      last_started_at = clock.now
    FROM clock
    WHERE name = ${task.name}
      AND next_run_at <= clock.now
      AND (lease_until IS NULL OR lease_until < clock.now)
    RETURNING next_run_at AS scheduled_at, clock.now AS now`;
  const row = rows[0];
  return row ? { scheduledAt: new Date(row.scheduled_at), now: new Date(row.now) } : null;
}

/** Moves the task past the tick it ran, whether it succeeded or failed (a failure is recorded). */
async function finishTick(
  prisma: Db,
  task: ScheduledTaskDefinition,
  instanceId: string,
  durationMs: number,
  error: string | null,
): Promise<void> {
  await prisma.$executeRaw`
    UPDATE scheduled_task SET
      next_run_at = next_run_at + make_interval(secs => interval_ms / 1000.0),
      lease_until = NULL,
      leased_by = NULL,
      last_finished_at = clock_timestamp() AT TIME ZONE 'UTC',
      last_duration_ms = ${Math.round(durationMs)},
      last_error = ${error}
    WHERE name = ${task.name} AND leased_by = ${instanceId}`;
}

/**
 * Runs every due tick of one task, oldest first (catching up missed ones), and returns what
 * ran. A failing run is logged in `last_error` and does not stop the next tick.
 */
export async function runDueTicks(
  prisma: Db,
  task: ScheduledTaskDefinition,
  instanceId: string,
): Promise<TickOutcome[]> {
  const outcomes: TickOutcome[] = [];
  for (let i = 0; i <= MAX_CATCH_UP_TICKS; i++) {
    const tick = await claimTick(prisma, task, instanceId);
    if (!tick) break;
    const started = performance.now();
    let error: string | null = null;
    try {
      await task.run(prisma, tick);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
      console.error(`featureline: scheduled task ${task.name} failed: ${error}`);
    }
    const durationMs = performance.now() - started;
    await finishTick(prisma, task, instanceId, durationMs, error);
    outcomes.push({ task: task.name, scheduledAt: tick.scheduledAt, durationMs, ...(error ? { error } : {}) });
  }
  return outcomes;
}

export interface RunningScheduler {
  instanceId: string;
  /** Stops polling and waits for runs in progress. */
  stop(): Promise<void>;
}

/**
 * Polls each task on its own timer, so a slow evaluation never delays the delivery queue.
 * Errors reaching the database (it restarts, a network blip) are logged and retried next poll.
 */
export function startScheduler(
  prisma: Db,
  tasks: readonly ScheduledTaskDefinition[],
  options: { pollMs: number; instanceId?: string; onTick?: (outcome: TickOutcome) => void },
): RunningScheduler {
  const instanceId = options.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  const ensured = new Set<string>();

  const poll = (task: ScheduledTaskDefinition) => {
    if (stopped) return;
    const work = (async () => {
      try {
        if (!ensured.has(task.name)) {
          await ensureTaskRow(prisma, task);
          ensured.add(task.name);
        }
        for (const outcome of await runDueTicks(prisma, task, instanceId)) options.onTick?.(outcome);
      } catch (error) {
        if (!stopped) console.error(`featureline: scheduler poll of ${task.name} failed: ${(error as Error).message}`);
      }
    })();
    running.add(work);
    void work.finally(() => {
      running.delete(work);
      if (stopped) return;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          poll(task);
        },
        Math.min(options.pollMs, task.intervalMs),
      );
      timer.unref();
      timers.add(timer);
    });
  };
  for (const task of tasks) poll(task);

  return {
    instanceId,
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
