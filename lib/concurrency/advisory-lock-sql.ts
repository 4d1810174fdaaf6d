// A transaction-scoped advisory lock on a text key: writers of the same key wait for each other until
// their transactions end, on any instance, without a row to lock.
import { Prisma } from "@/lib/generated/prisma/client";

export function advisoryXactLockSql(key: string): Prisma.Sql {
  return Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
