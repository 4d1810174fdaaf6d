import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acquireFinchPermit } from "./acquire-finch-permit";
import { budgetClass, type BudgetSettings } from "./budget-classes";
import { pauseBudgetClass } from "./pause-budget-class";
import { resetFinchBudget } from "./reset-finch-budget";
import { freshBudgetDatabase } from "./test-support/fresh-budget-database";
import { takeWindowPermit } from "./take-window-permit";

const SETTINGS: BudgetSettings = { headroom: 0.8, interactiveShare: 0.25, ipLimit: 1000, windowScale: 1 };
const WINDOW = { calls: 5, seconds: 60 };

beforeEach(freshBudgetDatabase);
afterAll(async () => {
  await freshBudgetDatabase();
  await db().$disconnect();
});

async function grantedAtOnce(key: string, asks: number, burst = 1): Promise<boolean[]> {
  const granted = [];
  for (let i = 0; i < asks; i++) granted.push((await takeWindowPermit(key, WINDOW, burst, 0)).granted);
  return granted;
}

describe("a rolling-window lane", () => {
  it("grants its whole window at once, then refuses until the oldest permit leaves the window", async () => {
    expect(await grantedAtOnce("product:company:shared", 5)).toEqual([true, true, true, true, true]);
    const refused = await takeWindowPermit("product:company:shared", WINDOW, 1, 0);
    expect(refused).toMatchObject({ granted: false, paused: false });
    expect(refused.granted || refused.retryInSeconds).toBeGreaterThan(59);
    expect(await takeWindowPermit("product:company:shared", WINDOW, 1, 61)).toMatchObject({ granted: true });
  });

  it("starts empty on its first use: its whole share goes at once, and no more", async () => {
    expect(await grantedAtOnce("product:payment:shared", 7, 2)).toEqual([
      ...Array<boolean>(5).fill(true),
      false,
      false,
    ]);
  });

  it("comes back with only its burst left when its row was lost after use", async () => {
    expect(await grantedAtOnce("product:payment:shared", 1, 2)).toEqual([true]);
    // The calls it granted still count at Finch; the table no longer knows how many.
    await db().finchBudgetBucket.deleteMany({ where: { key: "product:payment:shared" } });
    expect(await grantedAtOnce("product:payment:shared", 4, 2)).toEqual([true, true, false, false]);
  });

  it("stays conservative after resetFinchBudget, which forgets calls Finch still counts", async () => {
    expect(await grantedAtOnce("product:directory:interactive", 5)).toEqual([true, true, true, true, true]);
    await resetFinchBudget();
    expect(await grantedAtOnce("product:directory:interactive", 3)).toEqual([true, false, false]);
  });

  it("grants its share once when several instances create its first row at the same moment", async () => {
    const asks = Array.from({ length: 12 }, () =>
      takeWindowPermit("product:employment:shared", WINDOW, 1, 0),
    );
    const granted = (await Promise.all(asks)).filter((p) => p.granted);
    expect(granted).toHaveLength(WINDOW.calls);
  });
});

describe("a product class", () => {
  const ask = () =>
    acquireFinchPermit({
      path: "/employer/company",
      priority: "interactive",
      settings: SETTINGS,
      maxWaitSeconds: 0,
    });

  it("on a fresh budget lets customers use its whole budget at once, and never more", async () => {
    const cls = budgetClass("product:company", SETTINGS);
    const kinds = [];
    for (let i = 0; i < cls.budget + 2; i++) kinds.push((await ask()).kind);
    expect(kinds.filter((k) => k === "granted")).toHaveLength(cls.budget);
    expect(kinds.slice(cls.budget)).toEqual(["refused", "refused"]);
  });

  it("after its rows were lost lets only the lanes' bursts through until the window has passed", async () => {
    const cls = budgetClass("product:company", SETTINGS);
    const before = [];
    for (let i = 0; i < cls.budget; i++) before.push((await ask()).kind);
    expect(before.filter((k) => k === "granted")).toHaveLength(cls.budget);
    await resetFinchBudget();
    const after = [];
    for (let i = 0; i < cls.budget; i++) after.push((await ask()).kind);
    const bursts = cls.lanes.interactive.capacity + cls.lanes.shared.capacity;
    expect(after.filter((k) => k === "granted")).toHaveLength(bursts);
    // The whole budget, then the bursts, in one window: still under Finch's limit.
    expect(cls.budget + bursts).toBeLessThanOrEqual(cls.finchLimit);
  });

  it("after its rows were lost, a 429 with a short Retry-After still lets only the bursts through", async () => {
    const cls = budgetClass("product:company", SETTINGS);
    for (let i = 0; i < cls.budget; i++) expect(await ask()).toMatchObject({ kind: "granted" });
    await resetFinchBudget();
    // The pause recreates the lost rows; after it they must be as conservative as the permit path's.
    await pauseBudgetClass({ path: "/employer/company", retryAfterSeconds: 1 }, SETTINGS);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const after = [];
    for (let i = 0; i < cls.budget; i++) after.push((await ask()).kind);
    const bursts = cls.lanes.interactive.capacity + cls.lanes.shared.capacity;
    expect(after.filter((k) => k === "granted")).toHaveLength(bursts);
  });
});
