// Whether a database answers and has every migration this build ships with (prisma/migrations),
// within a time limit even when the server hangs. Used by /api/ready and npm run doctor.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const READY_TIMEOUT_MS = 1500;
export type Readiness = { ready: true } | { ready: false; reason: string };

/** The migrations this build ships with (folder names under prisma/migrations). */
export function shippedMigrations(root = process.cwd()): string[] {
  const dir = path.join(root, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

export async function checkDatabase(databaseUrl: string, expected: string[]): Promise<Readiness> {
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
