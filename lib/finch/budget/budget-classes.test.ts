import { describe, expect, it } from "vitest";
import { ALL_BUDGET_CLASSES, budgetClass, classesForPath, type BudgetSettings } from "./budget-classes";

const defaults: BudgetSettings = { headroom: 0.8, interactiveShare: 0.25, ipLimit: 1000, windowScale: 1 };

describe("budget classes", () => {
  it("stay under Finch's documented limits in every rolling window, even after a lost row refills a bucket", () => {
    for (const settings of [defaults, { ...defaults, headroom: 0.9, interactiveShare: 0.5 }]) {
      for (const key of ALL_BUDGET_CLASSES) {
        const cls = budgetClass(key, settings);
        const perWindow = (lane: "interactive" | "shared") =>
          cls.lanes[lane].capacity + cls.lanes[lane].ratePerSecond * cls.windowSeconds;
        expect(perWindow("interactive") + perWindow("shared")).toBeCloseTo(cls.budget, 6);
        expect(cls.budget).toBeLessThan(cls.finchLimit);
        // A recreated row starts full: one extra burst on top of a full window must still fit.
        expect(cls.budget + cls.lanes.interactive.capacity + cls.lanes.shared.capacity).toBeLessThanOrEqual(
          cls.finchLimit,
        );
      }
    }
  });

  it("make every lane a rolling window of its whole share but the sweep's (the per-IP shared bucket)", () => {
    const company = budgetClass("product:company", defaults);
    expect(company.lanes.interactive.window).toEqual({ calls: 4, seconds: 60 });
    expect(company.lanes.shared.window).toEqual({ calls: 12, seconds: 60 });
    // A customer's burst may use the whole unused share at once, not the 3 a bucket would allow.
    expect(company.lanes.interactive.window!.calls + company.lanes.shared.window!.calls).toBe(company.budget);
    const ip = budgetClass("ip", defaults);
    expect(ip.lanes.shared.window).toBeUndefined();
    // Customers may use all 200 of their per-IP share every 5 minutes, not the 100 a bucket of 100 refills.
    expect(ip.lanes.interactive.window).toEqual({ calls: 200, seconds: 300 });
  });

  it("derive the documented limits and scale the windows", () => {
    expect(budgetClass("ip", defaults)).toMatchObject({ finchLimit: 1000, budget: 800, windowSeconds: 300 });
    expect(budgetClass("product:payment", defaults)).toMatchObject({ finchLimit: 12, windowSeconds: 60 });
    expect(budgetClass("ip", { ...defaults, windowScale: 0.01 })).toMatchObject({
      windowSeconds: 3,
      defaultPauseSeconds: 36,
    });
  });

  it("charge a data call to its product and to the IP, and anything else to the IP", () => {
    expect(classesForPath("/employer/directory")).toEqual(["product:directory", "ip"]);
    expect(classesForPath("/employer/pay-statement")).toEqual(["product:pay_statement", "ip"]);
    expect(classesForPath("/introspect")).toEqual(["ip"]);
    expect(classesForPath("/auth/token")).toEqual(["ip"]);
  });
});
