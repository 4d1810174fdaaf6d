import { PGlite } from "@electric-sql/pglite";
import { Client, Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteSocketServer } from "./pglite-socket-server";

let db: PGlite;
let server: ReturnType<typeof createPgliteSocketServer>;
let url: string;

beforeAll(async () => {
  db = await PGlite.create();
  server = createPgliteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 20 });
  await server.start();
  url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  await db.exec(
    "CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL); INSERT INTO item SELECT g, 'item-' || g FROM generate_series(1, 50) g;",
  );
  // PGlite compiles its WebAssembly on start: seconds on a busy machine.
}, 60_000);

afterAll(async () => {
  await server.stop();
  await db.close();
});

describe("createPgliteSocketServer", () => {
  it("keeps concurrent parameterised queries from different connections apart, transactions included", async () => {
    // With the stock server this loses: a transaction on one connection starts between another
    // connection's Parse and Bind, replaces its unnamed statement, and the other query then fails
    // (portal "" does not exist) or returns the transaction's rows.
    const pool = new Pool({ connectionString: url, max: 4 });
    let wrong = 0;
    const errors: string[] = [];
    const check = (rows: { label?: string; lane?: number }[], id: number, lane: number) => {
      if (rows[0]?.label !== `item-${id}` || rows[0]?.lane !== lane) wrong++;
    };
    try {
      await Promise.all(
        Array.from({ length: 4 }, async (_, lane) => {
          for (let i = 1; i <= 40; i++) {
            const id = ((i + lane * 13) % 50) + 1;
            const select = `SELECT label, ${lane} AS lane FROM item WHERE id = $1`;
            try {
              if (i % 3 > 0) {
                check((await pool.query(select, [id])).rows, id, lane);
                continue;
              }
              const client = await pool.connect();
              try {
                await client.query("BEGIN");
                await client.query(`UPDATE item SET label = $2 WHERE id = $1 AND ${lane} >= 0`, [
                  id,
                  `item-${id}`,
                ]);
                check((await client.query(select, [id])).rows, id, lane);
                await client.query("COMMIT");
              } finally {
                client.release();
              }
            } catch (error) {
              errors.push(error instanceof Error ? error.message : String(error));
            }
          }
        }),
      );
    } finally {
      await pool.end();
    }
    expect(errors).toEqual([]);
    expect(wrong).toBe(0);
  });

  it("lets other connections work while one sits idle, and queues them behind an open transaction", async () => {
    const idle = new Client({ connectionString: url });
    const writer = new Client({ connectionString: url });
    const reader = new Client({ connectionString: url });
    await Promise.all([idle.connect(), writer.connect(), reader.connect()]);
    try {
      expect((await reader.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await writer.query("BEGIN");
      await writer.query("UPDATE item SET label = 'changed' WHERE id = 1");
      const read = reader.query("SELECT label FROM item WHERE id = 1");
      await new Promise((resolve) => setTimeout(resolve, 50));
      await writer.query("ROLLBACK");
      expect((await read).rows).toEqual([{ label: "item-1" }]);
    } finally {
      await Promise.all([idle.end(), writer.end(), reader.end()]);
    }
  });

  it("rolls back what a vanished connection left open", async () => {
    const quitter = new Client({ connectionString: url });
    await quitter.connect();
    await quitter.query("BEGIN");
    await quitter.query("UPDATE item SET label = 'abandoned' WHERE id = 2");
    await quitter.end();
    const reader = new Client({ connectionString: url });
    await reader.connect();
    try {
      expect((await reader.query("SELECT label FROM item WHERE id = 2")).rows).toEqual([{ label: "item-2" }]);
    } finally {
      await reader.end();
    }
  });
});
