import type { APIRequestContext } from "@playwright/test";
import pg from "pg";

/**
 * What must not change when only bad input was sent: on PostgreSQL a checksum of every table
 * (read directly: the suite runs beside the server); on both engines the audit logs of both
 * workspaces (every write is audited), tokens, users, environments, promotions and alerts as
 * the API shows them. Columns that reads themselves touch (a token's last use) are left out.
 */
export async function stateFingerprint(...contexts: APIRequestContext[]): Promise<Record<string, unknown>> {
  const fingerprint: Record<string, unknown> = {};
  for (const [index, api] of contexts.entries()) {
    for (const url of [
      "/api/v1/audit",
      "/api/v1/tokens",
      "/api/v1/users",
      "/api/v1/environments",
      "/api/v1/promotions",
    ]) {
      const response = await api.get(url);
      fingerprint[`${index}:${url}`] = response.ok() ? strip(await response.json()) : response.status();
    }
    // Acknowledged ones only: the scheduler may open a new alert while the suite runs.
    const alerts = await api.get("/api/v1/alerts?state=acknowledged");
    if (alerts.ok()) {
      const body = (await alerts.json()) as { alerts?: Array<{ id: string; acknowledgedAt?: string | null }> };
      fingerprint[`${index}:alerts`] = (body.alerts ?? []).map((alert) => [alert.id, alert.acknowledgedAt ?? null]);
    }
  }
  if (process.env.DATABASE_URL) fingerprint.tables = await tableChecksums(process.env.DATABASE_URL);
  return fingerprint;
}

function strip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, inner) => (key === "lastUsedAt" ? undefined : inner)));
}

/**
 * The in-process scheduler keeps writing while the suite runs (rule evaluation refreshes an open
 * alert's value and opens or clears alerts; ticks, reminders and deliveries are its own tables).
 * Of those tables only what a person's request can change is compared: who acknowledged, snoozed
 * or resolved an alert, and the timeline entries a person made.
 */
const ROWS_BY_TABLE: Record<string, string | null> = {
  scheduled_task: null,
  notification_delivery: null,
  alert: `SELECT id, acknowledged_at, acknowledged_by_id, acknowledged_note, snoozed_until, resolved_by_id FROM alert
    WHERE acknowledged_at IS NOT NULL OR snoozed_until IS NOT NULL OR resolved_by_id IS NOT NULL`,
  alert_event: "SELECT * FROM alert_event WHERE actor_user_id IS NOT NULL",
};

async function tableChecksums(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('login_throttle') ORDER BY 1",
    );
    const sums: Record<string, string> = {};
    for (const { name } of tables) {
      const source = name in ROWS_BY_TABLE ? ROWS_BY_TABLE[name] : `SELECT * FROM "${name}"`;
      if (source === null) continue;
      const { rows } = await client.query<{ sum: string | null }>(
        `SELECT md5(string_agg(r, ',' ORDER BY r)) AS sum FROM (SELECT (to_jsonb(t) - 'last_used_at')::text AS r FROM (${source}) t) s`,
      );
      sums[name] = rows[0]?.sum ?? "empty";
    }
    return sums;
  } finally {
    await client.end();
  }
}
