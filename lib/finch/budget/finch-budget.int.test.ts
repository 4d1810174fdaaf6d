import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acquireFinchPermit } from "./acquire-finch-permit";
import { budgetClass, type BudgetSettings } from "./budget-classes";
import { getFinchBudgetUsage } from "./get-finch-budget-usage";
import { resetLocalPermits } from "./local-fallback-bucket";
import { pauseBudgetClass } from "./pause-budget-class";
import { resetFinchBudget } from "./reset-finch-budget";

const FINCH_SCALE: BudgetSettings = { headroom: 0.8, interactiveShare: 0.25, ipLimit: 1000, windowScale: 1 };
const clearBuckets = resetFinchBudget;
const take = (priority: "interactive" | "background", settings = FINCH_SCALE) =>
  acquireFinchPermit({ path: "/introspect", priority, settings, maxWaitSeconds: 0 });

beforeEach(async () => {
  await clearBuckets();
  resetLocalPermits();
});
afterAll(async () => {
  await clearBuckets();
  await db().$disconnect();
});

describe("the shared Finch call budget", () => {
  it("never lets background work spend the interactive reserve", async () => {
    const shared = budgetClass("ip", FINCH_SCALE).lanes.shared;
    let background = 0;
    const started = Date.now();
    while ((await take("background")).kind === "granted") background++;
    // The shared lane's burst (plus what refilled meanwhile), then background is refused…
    const refilled = ((Date.now() - started) / 1000) * shared.ratePerSecond;
    expect(background).toBeGreaterThanOrEqual(shared.capacity);
    expect(background).toBeLessThanOrEqual(shared.capacity + refilled + 1);
    // …while a customer's call still gets its permit at once, from the reserved lane.
    const asked = Date.now();
    expect(await take("interactive")).toMatchObject({ kind: "granted", waitSeconds: 0, source: "database" });
    expect(Date.now() - asked).toBeLessThan(1_000);
  });

  it("hands out background permits on short credit and makes the caller wait for the refill", async () => {
    const shared = budgetClass("ip", FINCH_SCALE).lanes.shared;
    while ((await take("background")).kind === "granted");
    const permit = await acquireFinchPermit({
      path: "/introspect",
      priority: "background",
      settings: FINCH_SCALE,
    });
    expect(permit.kind).toBe("granted");
    if (permit.kind === "granted") expect(permit.waitSeconds).toBeGreaterThan(0);
    if (permit.kind === "granted") expect(permit.waitSeconds).toBeLessThanOrEqual(2 / shared.ratePerSecond);
  });

  it("pauses a class for every caller after Finch's 429, until Retry-After ends", async () => {
    expect(await take("background")).toMatchObject({ kind: "granted" });
    const paused = await pauseBudgetClass({
      path: "/introspect",
      finchCode: "finch_api_ip_rl",
      retryAfterSeconds: 2,
    });
    expect(paused).toEqual({ key: "ip", seconds: 2 });
    for (const priority of ["background", "interactive"] as const) {
      const refused = await take(priority);
      expect(refused).toMatchObject({ kind: "refused", reason: "paused" });
      if (refused.kind === "refused") expect(refused.retryAfterSeconds).toBeGreaterThan(1);
    }
    // The product classes are not affected by an IP pause, but a product call also needs the IP's permit.
    expect(
      await acquireFinchPermit({
        path: "/employer/company",
        priority: "interactive",
        settings: FINCH_SCALE,
        maxWaitSeconds: 0,
      }),
    ).toMatchObject({ kind: "refused", reason: "paused" });
    expect((await getFinchBudgetUsage()).find((c) => c.key === "ip")).toMatchObject({ finch429s: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    // Resumes at the steady rate (the bucket restarts empty), so an interactive call may wait a moment.
    const resumed = await acquireFinchPermit({
      path: "/introspect",
      priority: "interactive",
      settings: FINCH_SCALE,
    });
    expect(resumed.kind).toBe("granted");
  });

  it("a 429 about one provider (upstream_rate_limit_exceeded) pauses nobody", async () => {
    expect(
      await pauseBudgetClass({ path: "/employer/company", finchCode: "upstream_rate_limit_exceeded" }),
    ).toBeNull();
    expect(await take("background")).toMatchObject({ kind: "granted" });
  });

  it("recreates missing limiter rows on the next call", async () => {
    expect(await take("background")).toMatchObject({ kind: "granted" });
    await clearBuckets();
    expect(await take("background")).toMatchObject({ kind: "granted" });
    const keys = await db().finchBudgetBucket.findMany({ select: { key: true } });
    expect(keys.map((k) => k.key)).toContain("ip:shared");
  });

  it("when the database does not answer: interactive goes on a small local allowance, background waits", async () => {
    const hang = () => new Promise<never>(() => undefined);
    const down = { settings: FINCH_SCALE, take: hang, dbTimeoutMs: 100, maxWaitSeconds: 0 };
    expect(await acquireFinchPermit({ path: "/introspect", priority: "background", ...down })).toMatchObject({
      kind: "refused",
      reason: "budget_unavailable",
    });
    const local = [];
    for (let i = 0; i < 4; i++)
      local.push(await acquireFinchPermit({ path: "/introspect", priority: "interactive", ...down }));
    expect(local.map((p) => p.kind === "granted")).toEqual([true, true, false, false]);
    expect(local[0]).toMatchObject({ source: "local" });
    const failing = () => Promise.reject(new Error("connection refused"));
    expect(
      await acquireFinchPermit({ path: "/employer/company", priority: "background", ...down, take: failing }),
    ).toMatchObject({ kind: "refused", reason: "budget_unavailable" });
  });

  it("two processes competing for one budget together stay within it, and both get permits", async () => {
    // Windows a hundredth of Finch's: the shared IP lane allows 600 per 3 s.
    const settings: BudgetSettings = { ...FINCH_SCALE, windowScale: 0.01 };
    const cls = budgetClass("ip", settings);
    const seconds = 4;
    const script = path.join(__dirname, "test-support", "compete-for-budget.ts");
    const run = () =>
      promisify(execFile)(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", script, String(seconds), JSON.stringify(settings)],
        {
          cwd: path.resolve(__dirname, "../.."),
          env: process.env,
        },
      );
    const outputs = await Promise.all([run(), run()]);
    for (const output of outputs) if (output.stderr) console.error(output.stderr.slice(0, 2_000));
    const [a, b] = outputs.map(
      (o) => (JSON.parse(o.stdout.trim().split("\n").pop() ?? "{}") as { grants: number[] }).grants,
    );
    expect(a.length).toBeGreaterThan(10);
    expect(b.length).toBeGreaterThan(10);
    const all = [...a, ...b].sort((x, y) => x - y);
    const shared = cls.lanes.shared;
    // In every rolling window: at most the lane's burst plus its refill (a few ms of slack for clocks).
    const windowMs = cls.windowSeconds * 1000;
    let peak = 0;
    for (let i = 0, j = 0; i < all.length; i++) {
      while ((all[i] ?? 0) - (all[j] ?? 0) >= windowMs - 20) j++;
      peak = Math.max(peak, i - j + 1);
    }
    expect(peak).toBeLessThanOrEqual(shared.capacity + shared.ratePerSecond * cls.windowSeconds + 2);
    // Over the whole run: the burst plus the refill over the span the grants actually cover (on a busy
    // machine the two processes start seconds apart, so the span can exceed `seconds`).
    const spanSeconds = ((all[all.length - 1] ?? 0) - (all[0] ?? 0)) / 1000;
    expect(all.length).toBeLessThanOrEqual(shared.capacity + shared.ratePerSecond * spanSeconds + 4);
  });
});
