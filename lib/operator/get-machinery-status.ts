// The machinery panel's email outbox numbers, in SQL (sweep coverage and the Finch budget come from
// lib/sweep/get-sweep-coverage.ts and lib/finch/budget/get-finch-budget-usage.ts).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export interface MachineryStatus {
  outbox: { queued: number; held: number; failed: number; oldestQueuedAt: Date | null };
}

export interface FailedEmail {
  id: string;
  kind: string;
  to: string;
  organizationName: string;
  connectionId: string;
  attempts: number;
  lastError: string | null;
  updatedAt: Date;
}

/** The email outbox's queue in one row. */
export function outboxStatusSql(): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*) FILTER (WHERE status = 'pending') AS queued,
           count(*) FILTER (WHERE status = 'held') AS held,
           count(*) FILTER (WHERE status = 'failed') AS failed,
           min("createdAt") FILTER (WHERE status = 'pending') AS oldest
      FROM "EmailOutbox" WHERE status IN ('pending', 'held', 'failed')`;
}

export async function getMachineryStatus(): Promise<MachineryStatus> {
  const [outbox] =
    await db().$queryRaw<{ queued: bigint; held: bigint; failed: bigint; oldest: Date | null }[]>(
      outboxStatusSql(),
    );
  return {
    outbox: {
      queued: Number(outbox?.queued ?? 0),
      held: Number(outbox?.held ?? 0),
      failed: Number(outbox?.failed ?? 0),
      oldestQueuedAt: outbox?.oldest ?? null,
    },
  };
}

/** The most recent sends that gave up, newest first. */
export function failedEmailsSql(limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT o.id, o.kind, o."to", org.name AS "organizationName", o."connectionId", o.attempts, o."lastError", o."updatedAt"
      FROM "EmailOutbox" o JOIN "Organization" org ON org.id = o."organizationId"
     WHERE o.status = 'failed'
     ORDER BY o."updatedAt" DESC LIMIT ${limit}`;
}

/** The most recent sends that gave up, newest first. */
export async function listFailedEmails({ limit = 50 }: { limit?: number } = {}): Promise<FailedEmail[]> {
  return db().$queryRaw<FailedEmail[]>(failedEmailsSql(limit));
}
