// The statements every outbox shares, one text for all of them (the table comes from outboxes.ts):
// claim a row (of concurrent workers exactly one gets it), read why a claim failed, record a send, a
// retry or the end, and list the rows due for a job.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { CLAIM_MS, type RowState } from "./delivery-rules";
import { OUTBOXES, type OutboxName } from "./outboxes";

/** What every outbox row has; each adapter reads its own columns besides. */
export interface OutboxRow {
  id: string;
  organizationId: string;
  connectionId: string;
  incidentId: string | null;
  attempts: number;
}

type Runner = Pick<Tx, "$queryRaw" | "$executeRaw">;

const claimable = (now: Date) => Prisma.sql`status = 'pending' AND "nextAttemptAt" <= ${now}
  AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${now})`;

/** Claims and reads the row in one statement, holding it for CLAIM_MS and counting one more attempt. */
export function claimRowSql(name: OutboxName, id: string, now: Date): Prisma.Sql {
  const until = new Date(now.getTime() + CLAIM_MS);
  return Prisma.sql`
    UPDATE ${OUTBOXES[name].table} SET "claimedUntil" = ${until}, attempts = attempts + 1, "updatedAt" = ${now}
     WHERE id = ${id} AND ${claimable(now)}
    RETURNING *`;
}

export async function claimRow<Row extends OutboxRow>(
  name: OutboxName,
  id: string,
  now: Date,
): Promise<Row | null> {
  const [row] = await db().$queryRaw<Row[]>(claimRowSql(name, id, now));
  return row ?? null;
}

export function rowStateSql(name: OutboxName, id: string): Prisma.Sql {
  return Prisma.sql`
    SELECT status::text AS status, "nextAttemptAt", "claimedUntil" FROM ${OUTBOXES[name].table} WHERE id = ${id}`;
}

export async function readRowState(name: OutboxName, id: string): Promise<RowState | null> {
  const [row] = await db().$queryRaw<RowState[]>(rowStateSql(name, id));
  return row ?? null;
}

/** Sent: the remote service's reference (a message id, a response status) goes in the outbox's own column. */
export function recordSentSql(
  name: OutboxName,
  id: string,
  { now, reference }: { now: Date; reference: string | number | null },
): Prisma.Sql {
  const { table, sentColumn } = OUTBOXES[name];
  return Prisma.sql`
    UPDATE ${table} SET status = 'sent', "sentAt" = ${now}, ${sentColumn} = ${reference},
           "claimedUntil" = NULL, "lastError" = NULL, "updatedAt" = ${now}
     WHERE id = ${id}`;
}

export async function recordSent(
  runner: Runner,
  name: OutboxName,
  id: string,
  sent: { now: Date; reference: string | number | null },
): Promise<void> {
  await runner.$executeRaw(recordSentSql(name, id, sent));
}

/** The end of a row that was not sent: cancelled (no longer true) or failed (given up). */
export function recordEndedSql(
  name: OutboxName,
  id: string,
  { status, lastError, now }: { status: "cancelled" | "failed"; lastError: string; now: Date },
): Prisma.Sql {
  return Prisma.sql`
    UPDATE ${OUTBOXES[name].table} SET status = ${status}::"EmailOutboxStatus", "claimedUntil" = NULL,
           "lastError" = ${lastError}, "updatedAt" = ${now}
     WHERE id = ${id}`;
}

export async function recordEnded(
  runner: Runner,
  name: OutboxName,
  id: string,
  ended: { status: "cancelled" | "failed"; lastError: string; now: Date },
): Promise<void> {
  await runner.$executeRaw(recordEndedSql(name, id, ended));
}

export function recordRetrySql(
  name: OutboxName,
  id: string,
  { retryAt, lastError, now }: { retryAt: Date; lastError: string; now: Date },
): Prisma.Sql {
  return Prisma.sql`
    UPDATE ${OUTBOXES[name].table} SET "nextAttemptAt" = ${retryAt}, "claimedUntil" = NULL,
           "lastError" = ${lastError}, "updatedAt" = ${now}
     WHERE id = ${id}`;
}

export async function recordRetry(
  name: OutboxName,
  id: string,
  retry: { retryAt: Date; lastError: string; now: Date },
): Promise<void> {
  await db().$executeRaw(recordRetrySql(name, id, retry));
}

/** The rows a job should be running for now, most overdue first; optionally one incident's. */
export function listDueRowsSql(
  name: OutboxName,
  { now, incidentId, limit = 500 }: { now: Date; incidentId?: string; limit?: number },
): Prisma.Sql {
  return Prisma.sql`
    SELECT id FROM ${OUTBOXES[name].table}
     WHERE ${claimable(now)} ${incidentId ? Prisma.sql`AND "incidentId" = ${incidentId}` : Prisma.empty}
     ORDER BY "nextAttemptAt" LIMIT ${limit}`;
}

export async function listDueRows(
  name: OutboxName,
  options: { now: Date; incidentId?: string; limit?: number },
): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>(listDueRowsSql(name, options));
  return rows.map((row) => row.id);
}
