// Lets pg-boss run its statements on a Prisma transaction (enqueue's `tx`), so a job exists only if
// that transaction commits. It runs pg-boss's own statements and writes none of its own.
import "server-only";
import type PgBoss from "pg-boss";
import type { Tx } from "@/lib/db";

export function prismaJobDb(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      // pg-boss leaves unset options undefined, which pg sends as NULL; Prisma wants NULL said outright.
      const rows: unknown = await tx.$queryRawUnsafe(text, ...values.map((value) => value ?? null));
      return { rows: Array.isArray(rows) ? rows : [] };
    },
  };
}
