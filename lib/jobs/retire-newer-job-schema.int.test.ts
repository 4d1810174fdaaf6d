import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findJobs } from "./find-jobs";
import { JOB_SCHEMA, jobs, stopJobs } from "./job-engine";
import { carryOverRetiredJobs, setAsideNewerJobSchema } from "./retire-newer-job-schema";

// A stand-in for the schema pg-boss 12 left behind: its version and the job columns the carry-over reads.
const OLD = `oldboss_${process.pid}`;

async function seedNewerSchema(rows: [queue: string, state: string, key: string][]) {
  await db().$executeRawUnsafe(`CREATE SCHEMA ${OLD}`);
  await db().$executeRawUnsafe(`CREATE TABLE ${OLD}.version (version int primary key)`);
  await db().$executeRawUnsafe(`INSERT INTO ${OLD}.version VALUES (46)`);
  await db().$executeRawUnsafe(
    `CREATE TABLE ${OLD}.job (name text, data jsonb, state text, singleton_key text, start_after timestamptz)`,
  );
  for (const [queue, state, key] of rows) {
    await db().$executeRawUnsafe(
      `INSERT INTO ${OLD}.job VALUES ($1, $2::jsonb, $3, $4, now() + interval '1 hour')`,
      queue,
      JSON.stringify({ outboxId: key }),
      state,
      key,
    );
  }
}

const schemaNamed = async (name: string) =>
  (await db().$queryRawUnsafe<unknown[]>("SELECT 1 FROM pg_namespace WHERE nspname = $1", name)).length;

afterAll(async () => {
  await stopJobs();
  await db().$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${OLD} CASCADE`);
  await db().$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${OLD}_retired_v46 CASCADE`);
  await db().$disconnect();
});

describe("a newer pg-boss schema left by an earlier release", () => {
  it("is left alone when it is pg-boss 10's own, or absent", async () => {
    await jobs();
    await expect(setAsideNewerJobSchema(JOB_SCHEMA)).resolves.toBeNull();
    await expect(setAsideNewerJobSchema(`${OLD}_absent`)).resolves.toBeNull();
  });

  it("is set aside, its unfinished jobs move to the running engine once, and it is dropped", async () => {
    const key = `retired-${Date.now()}`;
    await seedNewerSchema([
      ["email-send", "created", `${key}-waiting`],
      ["email-send", "retry", `${key}-retrying`],
      ["email-send", "completed", `${key}-done`],
      ["a-queue-this-release-dropped", "created", `${key}-gone`],
    ]);
    await expect(setAsideNewerJobSchema(OLD)).resolves.toBe(`${OLD}_retired_v46`);
    expect(await schemaNamed(OLD)).toBe(0);

    const boss = await jobs();
    const [moved, again] = await Promise.all([
      carryOverRetiredJobs(boss, OLD),
      carryOverRetiredJobs(boss, OLD),
    ]);
    expect(moved + again).toBe(2); // one instance moves them, the other finds nothing left
    expect(await schemaNamed(`${OLD}_retired_v46`)).toBe(0);

    const [waiting] = await findJobs("email-send", { key: `${key}-waiting` });
    expect(waiting).toMatchObject({ state: "created", data: { outboxId: `${key}-waiting` } });
    expect(waiting.startAfter.getTime()).toBeGreaterThan(Date.now() + 3_000_000); // its start time kept
    expect(await findJobs("email-send", { key: `${key}-retrying` })).toHaveLength(1);
    expect(await findJobs("email-send", { key: `${key}-done` })).toHaveLength(0);
  });
});
