import "server-only";
import type { Db } from "@/lib/db";

/**
 * Failed sign-ins are counted in the database (so limits hold across app instances) under
 * three keys: the account from one address, the account from anywhere, and the address. After
 * too many failures inside the window the key is blocked until the window ends.
 *
 * - The per-account limit holds whatever the address, so rotating addresses (or forged
 *   headers) does not buy more guesses. Failures on an email nobody has only block that email.
 * - The per-address limit is skipped when the address is unknown: one shared "unknown" key
 *   would let anyone lock everyone out.
 * - A success clears the account+address key only; the others expire with their window.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ACCOUNT = 20;
export const MAX_FAILURES_PER_ADDRESS = 50;

export function throttleKeys(email: string, address: string | null) {
  const normalized = email.trim().toLowerCase();
  return {
    accountAndAddress: `account:${normalized}|${address ?? "?"}`,
    account: `account-any:${normalized}`,
    address: address ? `address:${address}` : null,
  };
}

function keyLimits(email: string, address: string | null): [string, number][] {
  const keys = throttleKeys(email, address);
  const limits: [string, number][] = [
    [keys.accountAndAddress, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS],
    [keys.account, MAX_FAILURES_PER_ACCOUNT],
  ];
  if (keys.address) limits.push([keys.address, MAX_FAILURES_PER_ADDRESS]);
  return limits;
}

/** Seconds until sign-in may be tried again, or 0 when it is allowed now. */
export async function secondsBlocked(prisma: Db, email: string, address: string | null, now = new Date()) {
  const rows = await prisma.loginThrottle.findMany({
    where: { key: { in: keyLimits(email, address).map(([key]) => key) }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((row) => row.blockedUntil!.getTime()));
  return until > 0 ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailedSignIn(prisma: Db, email: string, address: string | null, now = new Date()) {
  for (const [key, limit] of keyLimits(email, address)) await bumpFailures(prisma, key, limit, now);
}

export async function recordSuccessfulSignIn(prisma: Db, email: string, address: string | null) {
  await prisma.loginThrottle.deleteMany({ where: { key: throttleKeys(email, address).accountAndAddress } });
}

async function bumpFailures(prisma: Db, key: string, limit: number, now: Date) {
  // One atomic upsert: concurrent failures on several instances all count.
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const rows = await prisma.$queryRaw<{ failures: number; window_start: Date }[]>`
    INSERT INTO login_throttle (key, failures, window_start)
    VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttle.window_start < ${windowStart} THEN 1 ELSE login_throttle.failures + 1 END,
      window_start = CASE WHEN login_throttle.window_start < ${windowStart} THEN ${now} ELSE login_throttle.window_start END
    RETURNING failures, window_start`;
  const row = rows[0];
  if (row && row.failures >= limit) {
    await prisma.loginThrottle.update({
      where: { key },
      data: { blockedUntil: new Date(new Date(row.window_start).getTime() + THROTTLE_WINDOW_MS) },
    });
  }
}
