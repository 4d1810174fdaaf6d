// A throwaway, migrated database for one test or benchmark run: a fresh database on the machine's
// PostgreSQL when one answers, else the embedded PGlite server exactly as `npm start` runs it.
// Migrations are applied the way production applies them.
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { startEmbeddedDb } from "../scripts/lib/embedded-db";

const ROOT = path.resolve(__dirname, "..");
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type DatabaseKind = "postgresql" | "pglite";

export interface TestDatabase {
  url: string;
  kind: DatabaseKind;
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  kind?: DatabaseKind | "auto";
  /** Names the PostgreSQL database, so leftovers say who made them. */
  prefix?: string;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function postgresReachable(): Promise<boolean> {
  return adminQuery("SELECT 1").then(
    () => true,
    () => false,
  );
}

async function createOnPostgres(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgresql",
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
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
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-test-"));
  const embedded = await startEmbeddedDb({ dataDir, port: await freePort() });
  return {
    url: embedded.url,
    kind: "pglite",
    async drop() {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createTestDatabase({
  kind = "auto",
  prefix = "finch_reconnect_test",
}: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const chosen = kind === "auto" ? ((await postgresReachable()) ? "postgresql" : "pglite") : kind;
  const database = chosen === "postgresql" ? await createOnPostgres(prefix) : await createOnPglite();
  try {
    await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: database.url },
      },
    );
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}
