import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedOrganization } from "@/test/finch-test-kit";
import { waitFor } from "@/test/wait-for";
import { enqueue } from "./enqueue";
import { findJobs } from "./find-jobs";
import { stopJobs } from "./job-engine";
import { sweepScopeKey } from "./queues";
import { runJobAndWait } from "./run-job-and-wait";
import { jobWorkerIds, startJobWorkers } from "@/lib/startup/start-job-workers";

const QUEUE = "connections-sweep";

async function jobsWithKey(key: string) {
  return findJobs(QUEUE, { key });
}

beforeAll(() => {
  // The continuous sweep must not check connections in the middle of the test.
  process.env.SWEEP_CONTINUOUS = "off";
});

afterAll(async () => {
  await stopJobs();
  await db().$disconnect();
});

describe("job engine", () => {
  it("stores a job enqueued twice with the same singletonKey once, and a worker runs it once", async () => {
    const org = await seedOrganization();
    const key = sweepScopeKey(org.id);
    const first = await enqueue(QUEUE, { organizationId: org.id }, { singletonKey: key });
    const second = await enqueue(QUEUE, { organizationId: org.id }, { singletonKey: key });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();

    await Promise.all([startJobWorkers(), startJobWorkers()]); // once per process, however often called
    await waitFor(
      () => jobsWithKey(key),
      (stored) => stored.every((job) => job.state === "completed"),
    );
    const stored = await jobsWithKey(key);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: first,
      state: "completed",
      output: { checked: 0, changed: 0, failed: 0, deferred: 0 },
    });
  });

  it("drains newly queued work within a couple of seconds and hands the result to a waiting caller", async () => {
    await startJobWorkers();
    const org = await seedOrganization();
    const started = Date.now();
    const run = await runJobAndWait(
      QUEUE,
      { organizationId: org.id },
      { singletonKey: sweepScopeKey(org.id), timeoutMs: 10_000 },
    );
    expect(run).toMatchObject({ kind: "completed", output: { checked: 0, deferred: 0 } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("registers one set of workers per engine", async () => {
    await startJobWorkers();
    await startJobWorkers();
    const workers = await jobWorkerIds(QUEUE);
    expect(workers).toHaveLength(2); // the queue's localConcurrency
    expect(new Set(workers).size).toBe(2);
  });

  it("enqueues inside a Prisma transaction only when it commits (outbox)", async () => {
    const org = await seedOrganization();
    const rolledBack = `outbox-test-rollback:${org.id}`;
    await expect(
      db().$transaction(async (tx) => {
        await enqueue(QUEUE, { organizationId: org.id }, { singletonKey: rolledBack, tx, startAfter: 3600 });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await jobsWithKey(rolledBack)).toHaveLength(0);

    const committed = `outbox-test-commit:${org.id}`;
    const id = await db().$transaction((tx) =>
      enqueue(QUEUE, { organizationId: org.id }, { singletonKey: committed, tx, startAfter: 3600 }),
    );
    expect(id).toEqual(expect.any(String));
    expect(await jobsWithKey(committed)).toHaveLength(1);
  });

  it("rejects a malformed payload before it reaches the database", async () => {
    await expect(enqueue(QUEUE, { organizationId: "" })).rejects.toThrow();
  });

  it("starts again after a stop", async () => {
    await stopJobs();
    await startJobWorkers();
    const org = await seedOrganization();
    const run = await runJobAndWait(
      QUEUE,
      { organizationId: org.id },
      { singletonKey: sweepScopeKey(org.id), timeoutMs: 10_000 },
    );
    expect(run.kind).toBe("completed");
  });
});
