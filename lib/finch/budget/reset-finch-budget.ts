// Forgets every bucket and pause (tests; an operator who knows Finch lifted a penalty). The rows come
// back full on the next call (take-lane-permit.ts).
import "server-only";
import { db } from "@/lib/db";

export async function resetFinchBudget(): Promise<void> {
  await db().$executeRawUnsafe(`DELETE FROM "FinchBudgetBucket"`);
}
