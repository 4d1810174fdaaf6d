// A throwaway, migrated database for one benchmark run, on loopback only: a fresh database on the
// machine's PostgreSQL when one answers (or when asked for), else PGlite served over the wire
// protocol from a child process, as `npm start` runs its embedded database.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";

const ROOT = path.resolve(__dirname, "..");
const POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type DatabaseKind = "postgresql" | "pglite";

export interface BenchDatabase {
  kind: DatabaseKind;
  url: string;
  drop(): Promise<void>;
}

async function postgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function onPostgres(): Promise<BenchDatabase> {
  const name = `finch_reconnect_bench_${process.pid}_${Date.now()}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { kind: "postgresql", url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the PGlite server exited early (code ${child.exitCode})`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the PGlite server did not start in time");
}

async function onPglite(): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pglite-"));
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "pglite-server.ts"), dataDir, String(port)], {
    cwd: ROOT,
    stdio: "ignore",
  });
  await waitForPort(port, child);
  return {
    kind: "pglite",
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async drop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createBenchDatabase(wanted: DatabaseKind | "auto"): Promise<BenchDatabase> {
  const kind = wanted === "auto" ? ((await postgresAnswers()) ? "postgresql" : "pglite") : wanted;
  const database = kind === "postgresql" ? await onPostgres() : await onPglite();
  try {
    await promisify(execFile)(process.execPath, [path.join(ROOT, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url },
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}
