// Forgets every bucket and pause (tests; an operator who knows Finch lifted a penalty). The rows come
// back on the next call: a bucket full, a rolling window with only its burst left, because the lanes
// stay remembered (FinchBudgetLane) and the calls forgotten here may still count at Finch.
import "server-only";
import { db } from "@/lib/db";

export const RESET_BUDGET_SQL = `DELETE FROM "FinchBudgetBucket"`;

export async function resetFinchBudget(): Promise<void> {
  await db().$executeRawUnsafe(RESET_BUDGET_SQL);
}
