// The budget's tables as in a fresh deployment, for the budget's own tests: no bucket row, and no lane
// ever used from this database (FinchBudgetLane emptied too, which resetFinchBudget leaves alone).
import { db } from "@/lib/db";
import { resetFinchBudget } from "../reset-finch-budget";

export async function freshBudgetDatabase(): Promise<void> {
  await resetFinchBudget();
  await db().finchBudgetLane.deleteMany();
}
