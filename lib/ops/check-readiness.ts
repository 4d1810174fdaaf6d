// Readiness: the process is not stopping, the database answers, and every migration in
// prisma/migrations is applied. Answers within READY_TIMEOUT_MS even when the database hangs, and
// shares one check among probes that arrive together.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import { isShuttingDown } from "./lifecycle";

export const READY_TIMEOUT_MS = 1500;
const RESULT_TTL_MS = 1000;

export type Readiness = { ready: true } | { ready: false; reason: string };

/** The migrations this build ships with (folder names under prisma/migrations). */
function shippedMigrations(root = process.cwd()): string[] {
  const dir = path.join(root, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

async function checkDatabase(databaseUrl: string, expected: string[]): Promise<Readiness> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: READY_TIMEOUT_MS,
    query_timeout: READY_TIMEOUT_MS,
    application_name: "payroll-connections-ready",
  });
  client.on("error", () => undefined); // a dropped connection surfaces as the query's failure
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, reason: `database did not answer within ${READY_TIMEOUT_MS} ms` }),
      READY_TIMEOUT_MS,
    );
  });
  const check = (async (): Promise<Readiness> => {
    await client.connect();
    const table = await client.query<{ present: boolean }>(
      `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`,
    );
    if (!table.rows[0]?.present) return { ready: false, reason: "database not migrated" };
    const applied = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(applied.rows.map((row) => row.name));
    const missing = expected.filter((name) => !done.has(name));
    return missing.length === 0
      ? { ready: true }
      : { ready: false, reason: `${missing.length} migration(s) not applied, first: ${missing[0]}` };
  })().catch((error: unknown) => ({
    ready: false as const,
    reason: `database unreachable (${error instanceof Error && "code" in error ? String(error.code) : "error"})`,
  }));
  const result = await Promise.race([check, timeout]);
  clearTimeout(timer);
  // A hanging server would hold end() forever: the socket is dropped instead.
  void client.end().catch(() => undefined);
  if (!result.ready) client.connection.stream.destroy();
  return result;
}

const globalForReady = globalThis as unknown as {
  payrollReady?: { at: number; result: Promise<Readiness> };
};

export interface CheckReadinessOptions {
  databaseUrl?: string;
  root?: string;
}

export function checkReadiness({ databaseUrl, root }: CheckReadinessOptions = {}): Promise<Readiness> {
  if (isShuttingDown()) return Promise.resolve({ ready: false, reason: "shutting down" });
  const cached = globalForReady.payrollReady;
  const now = Date.now();
  if (!databaseUrl && cached && now - cached.at < RESULT_TTL_MS) return cached.result;
  const result = checkDatabase(databaseUrl ?? env().DATABASE_URL, shippedMigrations(root));
  if (!databaseUrl) globalForReady.payrollReady = { at: now, result };
  return result;
}
