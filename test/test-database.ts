// A throwaway database for one test run: a fresh database on the machine's PostgreSQL when one
// answers, else an in-memory PGlite server. Migrations are applied the way production applies them.
import { execFile } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";

const ROOT = path.resolve(__dirname, "..");
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  url: string;
  kind: "postgresql" | "pglite";
  drop(): Promise<void>;
}

async function postgresReachable(): Promise<boolean> {
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function createOnPostgres(): Promise<TestDatabase> {
  const name = `finch_reconnect_test_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgresql",
    async drop() {
      const client = new Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function createOnPglite(): Promise<TestDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { createPgliteSocketServer } = await import("../scripts/lib/pglite-socket-server");
  const db = await PGlite.create();
  const port = await freePort();
  const server = createPgliteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 20 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    kind: "pglite",
    async drop() {
      await server.stop();
      await db.close();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const database = (await postgresReachable()) ? await createOnPostgres() : await createOnPglite();
  // Asynchronous: the PGlite fallback answers from this very process.
  await promisify(execFile)(process.execPath, [path.join(ROOT, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
  });
  return database;
}
