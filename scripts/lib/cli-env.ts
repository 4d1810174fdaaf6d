// The environment of a command run beside the product (npm run api-key): the configured DATABASE_URL,
// or else the embedded database that `npm start` runs (found by its data folder, whatever its port),
// with the same local secrets, so the command reaches exactly what the running product uses.
import path from "node:path";
import pg from "pg";
import { readEmbeddedDbUrl } from "./embedded-db";
import { DATA_DIR, LOCAL_PORTS, withLocalDefaults } from "./local-env";

export interface CliEnv {
  env: NodeJS.ProcessEnv;
  /** Where the database is, for messages (no password). */
  where: string;
}

export function cliEnv(base: NodeJS.ProcessEnv): CliEnv {
  if (base.DATABASE_URL) return { env: base, where: "DATABASE_URL" };
  if (base.NODE_ENV === "production") return { env: base, where: "DATABASE_URL (not set)" };
  const databaseUrl =
    readEmbeddedDbUrl(path.join(DATA_DIR, "pglite")) ??
    `postgresql://postgres:postgres@127.0.0.1:${LOCAL_PORTS.db}/postgres?sslmode=disable`;
  const where = `the embedded database at ${new URL(databaseUrl).host} (data in ${DATA_DIR})`;
  return { env: { ...withLocalDefaults(base), DATABASE_URL: databaseUrl }, where };
}

/** Throws a message that says what to do when nothing answers at the database's address. */
export async function assertDatabaseAnswers({ env, where }: CliEnv): Promise<void> {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set.");
  const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `No database answered at ${where} (${reason}). Start the product (npm start) first, or set DATABASE_URL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
