import "server-only";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type RateLimitResult = { allowed: boolean; count: number; resetAt: Date; retryAfterSeconds: number };

/**
 * Fixed-window counter kept in the database, so that limits hold across app
 * instances. One atomic statement: concurrent hits never lose a count. Pass
 * a transaction as `client` to count the hit only if that transaction commits.
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  client: Pick<PrismaClient, "$queryRaw"> = db,
): Promise<RateLimitResult> {
  const rows = await client.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  const { count, resetAt } = rows[0];
  const retryAfterSeconds = Math.max(0, Math.ceil((new Date(resetAt).getTime() - Date.now()) / 1000));
  return { allowed: count <= limit, count: Number(count), resetAt: new Date(resetAt), retryAfterSeconds };
}

/** Whether a counter is already at its limit, without counting a hit. */
export async function isRateLimited(key: string, limit: number): Promise<RateLimitResult> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.resetAt <= new Date()) return { allowed: true, count: 0, resetAt: new Date(), retryAfterSeconds: 0 };
  const retryAfterSeconds = Math.max(0, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000));
  return { allowed: row.count < limit, count: row.count, resetAt: row.resetAt, retryAfterSeconds };
}
