// The machinery panel's numbers, in SQL: how fresh the sweep has kept the fleet, and the email outbox.
import "server-only";
import { db } from "@/lib/db";

export interface MachineryStatus {
  connections: number;
  /** Checked with Finch within the last hour. */
  checkedLastHour: number;
  neverChecked: number;
  /** The connection that has gone longest without a check (its creation counts when never checked). */
  oldestCheckAt: Date | null;
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

export async function getMachineryStatus({
  now = new Date(),
}: { now?: Date } = {}): Promise<MachineryStatus> {
  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
  const [[sweep], [outbox]] = await Promise.all([
    db().$queryRaw<{ connections: bigint; checked: bigint; never: bigint; oldest: Date | null }[]>`
      SELECT count(*) AS connections,
             count(*) FILTER (WHERE "lastCheckedAt" >= ${hourAgo}) AS checked,
             count(*) FILTER (WHERE "lastCheckedAt" IS NULL) AS never,
             min(coalesce("lastCheckedAt", "createdAt")) AS oldest
        FROM "Connection" WHERE status <> 'disconnected'`,
    db().$queryRaw<{ queued: bigint; held: bigint; failed: bigint; oldest: Date | null }[]>`
      SELECT count(*) FILTER (WHERE status = 'pending') AS queued,
             count(*) FILTER (WHERE status = 'held') AS held,
             count(*) FILTER (WHERE status = 'failed') AS failed,
             min("createdAt") FILTER (WHERE status = 'pending') AS oldest
        FROM "EmailOutbox" WHERE status IN ('pending', 'held', 'failed')`,
  ]);
  return {
    connections: Number(sweep?.connections ?? 0),
    checkedLastHour: Number(sweep?.checked ?? 0),
    neverChecked: Number(sweep?.never ?? 0),
    oldestCheckAt: sweep?.oldest ?? null,
    outbox: {
      queued: Number(outbox?.queued ?? 0),
      held: Number(outbox?.held ?? 0),
      failed: Number(outbox?.failed ?? 0),
      oldestQueuedAt: outbox?.oldest ?? null,
    },
  };
}

/** The most recent sends that gave up, newest first. */
export async function listFailedEmails({ limit = 50 }: { limit?: number } = {}): Promise<FailedEmail[]> {
  return db().$queryRaw<FailedEmail[]>`
    SELECT o.id, o.kind, o."to", org.name AS "organizationName", o."connectionId", o.attempts, o."lastError", o."updatedAt"
      FROM "EmailOutbox" o JOIN "Organization" org ON org.id = o."organizationId"
     WHERE o.status = 'failed'
     ORDER BY o."updatedAt" DESC LIMIT ${limit}`;
}
