import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/test-database";
import { queryPrepared } from "./prepared-statements";

// Each test has its own pool of one connection, so "this connection's prepared statements" is exact.
const pools: pg.Pool[] = [];
function onePool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pools.push(pool);
  return pool;
}

const PREPARED = "SELECT name FROM pg_prepared_statements ORDER BY name";
const prepared = async (pool: pg.Pool) =>
  (await pool.query<{ name: string }>(PREPARED)).rows.map((r) => r.name);

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

describe("queryPrepared on PostgreSQL", () => {
  const url = () => {
    const value = process.env.DATABASE_URL;
    if (!value) throw new Error("the integration setup sets DATABASE_URL");
    return value;
  };

  it("prepares a statement once per connection and reuses it with new values", async () => {
    const pool = onePool(url());
    const text = "SELECT $1::int + 1 AS next";
    const first = await queryPrepared<{ next: number }>(pool, "auto", { text, values: [1] });
    const second = await queryPrepared<{ next: number }>(pool, "auto", { text, values: [41] });
    expect([first.rows[0]?.next, second.rows[0]?.next]).toEqual([2, 42]);
    const names = await prepared(pool);
    expect(names.filter((name) => name.startsWith("hot_"))).toHaveLength(1);
  });

  it("gives two texts two names even from two copies of the module (Next bundles one per layer)", async () => {
    const pool = onePool(url());
    const freshCopy = async () => {
      vi.resetModules();
      return (await import("./prepared-statements")).queryPrepared;
    };
    const [first, second] = [await freshCopy(), await freshCopy()];
    expect(first).not.toBe(second);
    const one = await first<{ n: number }>(pool, "auto", { text: "SELECT 1 AS n" });
    const two = await second<{ n: number }>(pool, "auto", { text: "SELECT 2 AS n" });
    expect([one.rows[0]?.n, two.rows[0]?.n]).toEqual([1, 2]);
    expect((await prepared(pool)).filter((name) => name.startsWith("hot_"))).toHaveLength(2);
  });

  it("prepares nothing when switched off (a pooler in transaction mode)", async () => {
    const pool = onePool(url());
    const { rows } = await queryPrepared<{ answer: number }>(pool, "off", {
      text: "SELECT 40 + $1::int AS answer",
      values: [2],
    });
    expect(rows[0]?.answer).toBe(42);
    expect(await prepared(pool)).toEqual([]);
  });

  it("runs a statement again under a new name when a migration changed the table under it", async () => {
    const pool = onePool(url());
    const table = `prepared_${Date.now()}`;
    await pool.query(`CREATE TABLE ${table} (a int)`);
    await pool.query(`INSERT INTO ${table} VALUES (1)`);
    const text = `SELECT * FROM ${table}`;
    expect((await queryPrepared(pool, "auto", { text })).rows).toEqual([{ a: 1 }]);
    await pool.query(`ALTER TABLE ${table} ADD COLUMN b int DEFAULT 2`);
    expect((await queryPrepared(pool, "auto", { text })).rows).toEqual([{ a: 1, b: 2 }]);
    await pool.query(`DROP TABLE ${table}`);
  });
});

describe("queryPrepared on the embedded PGlite server (one shared session)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ kind: "pglite" });
  });
  afterAll(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
    await database.drop();
  });

  it("leaves statements unnamed, so two clients of the one session never collide", async () => {
    const [a, b] = [onePool(database.url), onePool(database.url)];
    const text = "SELECT $1::text AS who";
    for (const [pool, who] of [
      [a, "a"],
      [b, "b"],
      [a, "a"],
    ] as const) {
      expect((await queryPrepared<{ who: string }>(pool, "auto", { text, values: [who] })).rows).toEqual([
        { who },
      ]);
    }
    expect(await prepared(a)).toEqual([]);
  });
});
