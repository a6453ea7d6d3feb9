/**
 * Next calls `register()` once when a server process starts (`next start` and `next dev`): the
 * place to follow other instances' writes and to start the in-process scheduler and job runner.
 * Node.js runtime only (the database is not reachable from the edge runtime).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { followOtherInstancesWrites } = await import("@/lib/db");
  followOtherInstancesWrites();
  const { startAppScheduler } = await import("@/lib/scheduler/start");
  startAppScheduler();
  const { startAppJobRunner } = await import("@/lib/jobs/start");
  startAppJobRunner();
}
