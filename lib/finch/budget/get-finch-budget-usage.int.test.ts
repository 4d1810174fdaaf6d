import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acquireFinchPermit } from "./acquire-finch-permit";
import { budgetClass, type BudgetClassKey, type BudgetSettings } from "./budget-classes";
import { getFinchBudgetUsage } from "./get-finch-budget-usage";
import { pauseBudgetClass } from "./pause-budget-class";
import { resetFinchBudget } from "./reset-finch-budget";
import { freshBudgetDatabase } from "./test-support/fresh-budget-database";

// Windows of a minute and five, so nothing leaves the window while a test reads it.
const SETTINGS: BudgetSettings = { headroom: 0.8, interactiveShare: 0.25, ipLimit: 1000, windowScale: 1 };
const company = budgetClass("product:company", SETTINGS);
const ip = budgetClass("ip", SETTINGS);

beforeEach(freshBudgetDatabase);
afterAll(async () => {
  await freshBudgetDatabase();
  await db().$disconnect();
});

async function usageOf(key: BudgetClassKey) {
  const usage = (await getFinchBudgetUsage({ settings: SETTINGS })).find((c) => c.key === key);
  if (!usage) throw new Error(`no usage for ${key}`);
  return { interactive: usage.lanes.interactive, shared: usage.lanes.shared };
}

async function askCompany(times: number): Promise<void> {
  for (let i = 0; i < times; i++)
    await acquireFinchPermit({
      path: "/employer/company",
      priority: "interactive",
      settings: SETTINGS,
      maxWaitSeconds: 0,
    });
}

describe("getFinchBudgetUsage", () => {
  it("on a fresh budget shows each window lane's whole share and each bucket full", async () => {
    expect(await usageOf("product:company")).toMatchObject({
      interactive: { available: 4, maxAvailable: 4 },
      shared: { available: 12, maxAvailable: 12 },
    });
    expect(await usageOf("ip")).toMatchObject({
      interactive: { available: 200, maxAvailable: 200 },
      shared: { available: ip.lanes.shared.capacity, maxAvailable: ip.lanes.shared.capacity },
    });
  });

  it("counts down a window lane by what it granted in the current window, never below 0", async () => {
    await askCompany(3);
    expect(await usageOf("product:company")).toMatchObject({
      interactive: { available: 1, granted: 3 },
      shared: { available: 12, granted: 0 },
    });
    expect((await usageOf("ip")).interactive).toMatchObject({ available: 197, granted: 3 });
    // The whole budget and more: the refused calls count nowhere.
    await askCompany(company.budget);
    expect(await usageOf("product:company")).toMatchObject({
      interactive: { available: 0 },
      shared: { available: 0 },
    });
  });

  it("after the rows were lost shows what the next permit would see: a window lane's burst", async () => {
    // The interactive lane's share, then one from the shared lane: both lanes are now remembered.
    await askCompany(company.lanes.interactive.window!.calls + 1);
    await resetFinchBudget();
    expect(await usageOf("product:company")).toMatchObject({
      interactive: { available: company.lanes.interactive.capacity },
      shared: { available: company.lanes.shared.capacity },
    });
    expect((await usageOf("ip")).shared).toMatchObject({ available: ip.lanes.shared.capacity });
  });

  it("shows nothing available in a class Finch paused", async () => {
    await pauseBudgetClass({ path: "/employer/company", retryAfterSeconds: 30 }, SETTINGS);
    expect(await usageOf("product:company")).toMatchObject({
      interactive: { available: 0 },
      shared: { available: 0 },
    });
  });
});
