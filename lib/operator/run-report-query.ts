// Fleet-wide report queries scan tens of thousands of rows: PostgreSQL's cost estimate then turns on
// JIT compilation, which costs more (seconds on a small machine) than the query itself. Reports run in
// a transaction with JIT off.
import "server-only";
import { db, type Tx } from "@/lib/db";

export function runReportQuery<T>(query: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    return query(tx);
  });
}
