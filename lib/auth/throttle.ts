import "server-only";
import type { Db } from "@/lib/db";

/**
 * Failed sign-ins are counted per account+address and per address, in the database, so the
 * limit holds across app instances. After too many failures inside the window the key is
 * blocked until the window ends; a success clears the account+address key.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;

export function throttleKeys(email: string, address: string) {
  const normalized = email.trim().toLowerCase();
  return {
    account: `account:${normalized}|${address}`,
    address: `address:${address}`,
  };
}

/** Seconds until sign-in may be tried again, or 0 when it is allowed now. */
export async function secondsBlocked(prisma: Db, email: string, address: string, now = new Date()) {
  const keys = throttleKeys(email, address);
  const rows = await prisma.loginThrottle.findMany({
    where: { key: { in: [keys.account, keys.address] }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((row) => row.blockedUntil!.getTime()));
  return until > 0 ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailedSignIn(prisma: Db, email: string, address: string, now = new Date()) {
  const keys = throttleKeys(email, address);
  await bumpFailures(prisma, keys.account, MAX_FAILURES_PER_ACCOUNT, now);
  await bumpFailures(prisma, keys.address, MAX_FAILURES_PER_ADDRESS, now);
}

export async function recordSuccessfulSignIn(prisma: Db, email: string, address: string) {
  await prisma.loginThrottle.deleteMany({ where: { key: throttleKeys(email, address).account } });
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
