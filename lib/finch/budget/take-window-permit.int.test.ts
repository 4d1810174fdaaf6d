import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acquireFinchPermit } from "./acquire-finch-permit";
import { budgetClass, type BudgetSettings } from "./budget-classes";
import { resetFinchBudget } from "./reset-finch-budget";
import { takeWindowPermit } from "./take-window-permit";

const SETTINGS: BudgetSettings = { headroom: 0.8, interactiveShare: 0.25, ipLimit: 1000, windowScale: 1 };
const WINDOW = { calls: 5, seconds: 60 };

beforeEach(resetFinchBudget);
afterAll(async () => {
  await resetFinchBudget();
  await db().$disconnect();
});

async function fill(key: string, calls: number): Promise<void> {
  await db().finchBudgetBucket.create({ data: { key, tokens: 0, recent: [] } });
  for (let i = 0; i < calls; i++)
    expect(await takeWindowPermit(key, WINDOW, 1, 0)).toMatchObject({ granted: true });
}

describe("a rolling-window lane", () => {
  it("grants its whole window at once, then refuses until the oldest permit leaves the window", async () => {
    await fill("product:company:shared", 5);
    const refused = await takeWindowPermit("product:company:shared", WINDOW, 1, 0);
    expect(refused).toMatchObject({ granted: false, paused: false });
    expect(refused.granted || refused.retryInSeconds).toBeGreaterThan(59);
    expect(await takeWindowPermit("product:company:shared", WINDOW, 1, 61)).toMatchObject({ granted: true });
  });

  it("recreates a lost row with only its burst left for the first window", async () => {
    const granted = [];
    for (let i = 0; i < 4; i++)
      granted.push((await takeWindowPermit("product:payment:shared", WINDOW, 2, 0)).granted);
    expect(granted).toEqual([true, true, false, false]);
  });

  it("lets a customer's burst use the product class's unused share at once, and never more than its budget", async () => {
    const cls = budgetClass("product:company", SETTINGS);
    // Lanes created as after a quiet window (not a lost row): both windows empty.
    for (const lane of ["interactive", "shared"])
      await db().finchBudgetBucket.create({
        data: { key: `product:company:${lane}`, tokens: 0, recent: [] },
      });
    const kinds = [];
    for (let i = 0; i < cls.budget + 2; i++) {
      const permit = await acquireFinchPermit({
        path: "/employer/company",
        priority: "interactive",
        settings: SETTINGS,
        maxWaitSeconds: 0,
      });
      kinds.push(permit.kind);
    }
    expect(kinds.filter((k) => k === "granted")).toHaveLength(cls.budget);
    expect(kinds.slice(cls.budget)).toEqual(["refused", "refused"]);
  });
});
