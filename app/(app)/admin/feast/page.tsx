import type { Metadata } from "next";
import { CreateWorkspaceForm, FeastConnectionForm } from "@/components/admin/feast-sync-forms";
import { SyncNowButton } from "@/components/admin/sync-now-button";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getFeastConnection } from "@/lib/server/feast-sync";
import { listEnvironments } from "@/lib/server/workspaces";
import { findUnfinishedJob } from "@/lib/server/jobs/queue";
import { requireRole } from "@/lib/session";

export const metadata: Metadata = { title: "Feast sync · Admin" };

const STATUS_TONES = { success: "good", unchanged: "neutral", failed: "bad" } as const;

export default async function AdminFeastPage() {
  const { workspace } = await requireRole("admin");
  const [connection, environments, runningSync] = await Promise.all([
    getFeastConnection(workspace.id),
    listEnvironments(workspace.id),
    findUnfinishedJob(workspace.id, "feast-sync"),
  ]);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        {workspace.name} can follow a Feast registry: Featureline reads its <code>registry.db</code> on a schedule and
        on demand and applies what changed as new versions in dev. Objects that leave the registry are marked removed
        and stop running in dev; what staging and prod already run changes only through promotions.
      </p>
      <Card title="Registry">
        <FeastConnectionForm current={connection} environments={environments.map((environment) => environment.name)} />
      </Card>
      <Card title="Sync history">
        {connection ? (
          <div className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
              <span>
                Next scheduled read{" "}
                {connection.enabled
                  ? connection.nextSyncAt.toISOString().replace("T", " ").slice(0, 16) + " UTC"
                  : "— paused"}
                {connection.claimedUntil ? " · a sync is running" : ""}
              </span>
              <SyncNowButton runningJobId={runningSync?.id ?? null} />
            </div>
            {connection.runs.length === 0 ? (
              <EmptyState title="No sync yet">
                The first read happens at the next scheduler tick, or with Sync now.
              </EmptyState>
            ) : (
              <Table
                caption="Sync runs, newest first"
                head={
                  <tr>
                    <Th>When (UTC)</Th>
                    <Th>Trigger</Th>
                    <Th>Result</Th>
                    <Th>Duration</Th>
                    <Th>Created</Th>
                    <Th>Updated</Th>
                    <Th>Removed</Th>
                    <Th>Skipped</Th>
                    <Th>Error</Th>
                  </tr>
                }
              >
                {connection.runs.map((run) => (
                  <tr key={run.id}>
                    <Td className="whitespace-nowrap tabular-nums">
                      {run.startedAt.toISOString().replace("T", " ").slice(0, 19)}
                    </Td>
                    <Td>{run.trigger}</Td>
                    <Td>
                      <Badge tone={STATUS_TONES[run.status as keyof typeof STATUS_TONES] ?? "neutral"}>
                        {run.status}
                      </Badge>
                    </Td>
                    <Td className="tabular-nums">{(run.durationMs / 1000).toFixed(1)} s</Td>
                    <Td className="tabular-nums">{run.created}</Td>
                    <Td className="tabular-nums">{run.updated}</Td>
                    <Td className="tabular-nums">{run.removed}</Td>
                    <Td className="tabular-nums">{run.skipped}</Td>
                    <Td className="max-w-xs break-words text-red-700">{run.error ?? ""}</Td>
                  </tr>
                ))}
              </Table>
            )}
          </div>
        ) : (
          <EmptyState title="Not connected">Connect a registry above to start syncing.</EmptyState>
        )}
      </Card>
      <Card title="New workspace">
        <p className="mb-3 text-sm text-slate-600">
          One workspace per Feast project keeps their names apart. You become the new workspace&apos;s admin.
        </p>
        <CreateWorkspaceForm />
      </Card>
    </div>
  );
}
