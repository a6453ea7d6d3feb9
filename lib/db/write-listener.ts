import pg from "pg";
import { scopeOfAnnouncement, WRITES_CHANNEL, type WriteScope } from "./write-epoch";

/**
 * Keeps one connection listening on WRITES_CHANNEL and calls `onWrite` for each notification
 * (another instance committed a write). A lost connection is opened again after a pause; until
 * then shared reads still expire with their time to live. Returns the stop function.
 */
export function listenForWrites(
  url: string,
  onWrite: (scope: WriteScope) => void,
  retryMs = 1_000,
): () => Promise<void> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url });
    client = next;
    next.on("notification", (message) => onWrite(scopeOfAnnouncement(message.payload)));
    next.on("error", () => reconnect(next));
    next.on("end", () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${WRITES_CHANNEL}`);
      // Writes made while no connection listened were missed: count them as one of anything.
      onWrite("everything");
    } catch {
      reconnect(next);
    }
  };

  const reconnect = (failed: pg.Client) => {
    if (stopped || client !== failed || retry) return;
    client = null;
    failed.end().catch(() => {});
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, retryMs);
    retry.unref();
  };

  void connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end().catch(() => {});
  };
}
