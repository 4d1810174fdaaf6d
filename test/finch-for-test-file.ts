// The setup every Finch integration test file shares: the stand-in starts before the file's tests,
// and after them the job engine stops, the budget is forgotten (when asked), the stand-in closes and
// the database client disconnects. Call it at the top level of the file, before other hooks.
import { afterAll, beforeAll } from "vitest";
import { db } from "@/lib/db";
import { resetFinchBudget } from "@/lib/finch/budget/reset-finch-budget";
import { stopJobs } from "@/lib/jobs/job-engine";
import { startFinchForTests, type FinchForTests, type StartFinchOptions } from "./finch-test-kit";

export interface FinchTestFileOptions extends StartFinchOptions {
  /** Forget the Finch call budget after starting and after the file, so no test inherits a pause. */
  resetBudget?: boolean;
}

/** Returns the running stand-in; it exists from the file's first beforeAll on. */
export function finchForTestFile(options: FinchTestFileOptions = {}): () => FinchForTests {
  let finch: FinchForTests | null = null;
  beforeAll(async () => {
    finch = await startFinchForTests(options);
    if (options.resetBudget) await resetFinchBudget();
  });
  afterAll(async () => {
    await stopJobs();
    if (options.resetBudget) await resetFinchBudget();
    await finch?.close();
    await db().$disconnect();
  });
  return () => {
    if (!finch) throw new Error("The Finch stand-in is not started yet: use it inside tests or hooks");
    return finch;
  };
}
