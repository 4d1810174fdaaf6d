// Applies migrations under a PostgreSQL advisory lock, so replicas started together migrate one at a
// time: the first applies, the others wait, then find nothing left to do.
import pg from "pg";
import { migrate } from "./build";

/** Any fixed 64-bit key; the same in every replica. */
const MIGRATION_LOCK_KEY = "7294610023";

export async function migrateWithLock(env: NodeJS.ProcessEnv, databaseUrl: string): Promise<void> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: "payroll-connections-migrate",
  });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
    await migrate(env);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
