import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetFinchBudget } from "@/lib/finch/budget/reset-finch-budget";
import { jobs } from "@/lib/jobs/job-engine";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { getSweepCoverage } from "./get-sweep-coverage";
import { handleAccountUpdated } from "@/lib/signals/handle-account-updated";
import { runSweepBatch } from "./run-sweep-batch";
import { scheduleDueSweeps } from "./schedule-due-sweeps";

const TARGET_HOURS = 1;
process.env.SWEEP_TARGET_HOURS = String(TARGET_HOURS);
const finch = finchForTestFile();

beforeEach(async () => {
  await resetFinchBudget();
  // Other files' connections are not this test's business: off the schedule for a year.
  await db().connection.updateMany({
    data: { nextCheckAt: new Date(Date.now() + 365 * 86_400_000), lastCheckedAt: new Date() },
  });
});

async function seedFleet(count: number) {
  const org = await seedOrganization();
  const connections = [];
  for (let i = 0; i < count; i++) connections.push(await seedConnection(finch(), org.id));
  const ids = connections.map((c) => c.id);
  // Connected a day ago, checked just now: a status change now is a change, not the connection's first status (the
  // schedule tells the two apart by statusSince against createdAt, and a fast machine gets here in ms).
  const dayAgo = new Date(Date.now() - 86_400_000);
  await db().connection.updateMany({
    where: { id: { in: ids } },
    data: { createdAt: dayAgo, statusSince: dayAgo, lastCheckedAt: new Date() },
  });
  return { org, ids, connections };
}

/** Runs scheduler ticks and drains the batches they queue in this process, until `done`. */
async function sweepUntil(done: () => Promise<boolean>, rounds = 120) {
  for (let round = 0; round < rounds; round++) {
    const tick = await scheduleDueSweeps({ limit: 500 });
    const batches = await (await jobs()).fetch("sweep-batch", { batchSize: 100 });
    for (const job of batches) {
      await runSweepBatch(job.data as { connectionIds: string[] });
      await (await jobs()).complete("sweep-batch", job.id);
    }
    if (await done()) return round;
    if (tick.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the sweep never got there");
}

describe("the continuous sweep", () => {
  it("leases due connections most overdue first, never hands one out twice, and schedules by risk", async () => {
    const { ids, connections } = await seedFleet(4);
    // Just connected (no next check yet): not due for most of a target period.
    await db().connection.updateMany({ where: { id: { in: ids } }, data: { nextCheckAt: null } });
    expect((await scheduleDueSweeps({ limit: 10 })).claimed).toBe(0);
    await db().connection.update({
      where: { id: ids[0] },
      data: { nextCheckAt: new Date(Date.now() - 60_000) },
    });
    await db().connection.updateMany({
      where: { id: { in: ids.slice(1) } },
      data: { nextCheckAt: new Date(Date.now() - 120_000) },
    });
    const first = await scheduleDueSweeps({ limit: 1 });
    expect(first.claimed).toBe(1);
    const [queued] = await (await jobs()).fetch("sweep-batch", { batchSize: 10 });
    // The most overdue first.
    expect(ids.slice(1)).toContain((queued?.data as { connectionIds: string[] }).connectionIds[0]);
    expect((await scheduleDueSweeps({ limit: 10 })).claimed).toBe(3);
    expect((await scheduleDueSweeps({ limit: 10 })).claimed).toBe(0); // all leased

    // One connection broke a moment ago: checked again after a quarter of the target, not 80-90%.
    await finch().control("POST", `/_emulator/connections/${connections[1]?.finchConnectionId}/status`, {
      status: "reauth",
    });
    await runSweepBatch({ connectionIds: ids });
    const rows = await db().connection.findMany({
      where: { id: { in: ids } },
      select: { id: true, nextCheckAt: true, status: true },
    });
    const inHours = (id: string) =>
      ((rows.find((r) => r.id === id)?.nextCheckAt?.getTime() ?? 0) - Date.now()) / 3_600_000;
    expect(rows.find((r) => r.id === ids[1])?.status).toBe("needs_reauth");
    expect(inHours(ids[1] ?? "")).toBeCloseTo(0.25 * TARGET_HOURS, 1);
    for (const id of [ids[0], ids[2], ids[3]]) {
      expect(inHours(id ?? "")).toBeGreaterThan(0.79 * TARGET_HOURS);
      expect(inHours(id ?? "")).toBeLessThan(0.91 * TARGET_HOURS);
    }
    // A webhook that just reported on a connection pushes its next check out again.
    await handleAccountUpdated({
      eventId: `evt-${ids[1]}`,
      finchConnectionId: connections[1]?.finchConnectionId ?? "",
      finchStatus: "connected",
    });
    const pushed = await db().connection.findUniqueOrThrow({
      where: { id: ids[1] },
      select: { nextCheckAt: true },
    });
    expect((pushed.nextCheckAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(
      0.79 * TARGET_HOURS * 3_600_000,
    );

    const coverage = await getSweepCoverage();
    expect(coverage).toMatchObject({ targetSeconds: 3600, overdue: 0 });
    expect(coverage.capacityPerHour).toBeGreaterThan(coverage.requiredPerHour);
    expect(await db().sweepCoverageSample.count()).toBeGreaterThan(0);
  });

  it("loses no connection from the schedule in a 429 storm", async () => {
    const { ids } = await seedFleet(30);
    await db().connection.updateMany({ where: { id: { in: ids } }, data: { nextCheckAt: new Date() } });
    const started = new Date();
    await finch().control("POST", "/_emulator/faults", {
      path: "/introspect",
      status: 429,
      count: 8,
      fraction: 0.5,
      retryAfterSeconds: 1,
    });
    // Postponed connections come due again when the pause ends; the loop ends when all are checked.
    const unchecked = () =>
      db().connection.count({
        where: { id: { in: ids }, OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lt: started } }] },
      });
    await sweepUntil(async () => (await unchecked()) === 0);
    // Finch answered 429 at least once (a fault rule disappears once its count is used up).
    const { faults } = await finch().control<{ faults: { remaining: number }[] }>("GET", "/_emulator/faults");
    expect(faults[0]?.remaining ?? 0).toBeLessThan(8);
    const rows = await db().connection.findMany({
      where: { id: { in: ids } },
      select: { lastCheckedAt: true, nextCheckAt: true },
    });
    expect(rows).toHaveLength(30);
    for (const row of rows) {
      expect(row.lastCheckedAt?.getTime()).toBeGreaterThanOrEqual(started.getTime());
      expect(row.nextCheckAt?.getTime()).toBeGreaterThan(Date.now() + 0.7 * TARGET_HOURS * 3_600_000);
    }
  }, 120_000);
});
