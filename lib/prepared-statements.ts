// Named (prepared) statements for the hottest reads (queryRows in lib/db.ts): PostgreSQL parses and
// plans each one once per connection instead of on every request: planning was most of what the
// dashboard's one statement cost the database (figures in bench/README.md).
//
// Only where a connection is a session of its own: the embedded PGlite server runs every client in one
// shared session, where two clients preparing the same name collide, and a transaction-mode pooler
// (PgBouncer before 1.21) hands each statement to any server connection; DATABASE_PREPARED_STATEMENTS=off
// is for the latter. "auto" asks the server once per pool whether it is PGlite.
import "server-only";
import crypto from "node:crypto";
import type pg from "pg";

export type PreparedStatementsMode = "auto" | "off";

/** A process has a handful of statement shapes (filters make a few more); past this, statements go unnamed. */
const MAX_NAMES = 500;

// PostgreSQL's answers when a connection's prepared statement no longer fits: the tables under a
// `SELECT *` changed (a migration while running), or something deallocated it (DISCARD ALL).
const STALE_STATEMENT_CODES = new Set(["0A000", "26000"]);

const names = new Map<string, string>();
let generation = 0;

/**
 * The name of a statement's text: made from the text itself, so every copy of this module in the
 * process (Next bundles a module once per layer, all sharing one pool) names a text alike and never
 * gives one name to two texts.
 */
function nameFor(text: string): string | undefined {
  const known = names.get(text);
  if (known || names.size >= MAX_NAMES) return known;
  const digest = crypto.createHash("sha256").update(text).digest("hex").slice(0, 24);
  const name = `hot_${digest}_${generation}`;
  names.set(text, name);
  return name;
}

const privateSessions = new WeakMap<pg.Pool, Promise<boolean>>();

/** Whether each of the pool's connections is a session of its own (real PostgreSQL, not PGlite). */
function hasPrivateSessions(pool: pg.Pool): Promise<boolean> {
  let answer = privateSessions.get(pool);
  if (!answer) {
    answer = pool.query<{ version: string }>("SELECT version()").then(
      ({ rows }) => !/PGlite/i.test(rows[0]?.version ?? ""),
      () => false,
    );
    privateSessions.set(pool, answer);
  }
  return answer;
}

function isStaleStatement(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && STALE_STATEMENT_CODES.has(code);
}

/**
 * Runs one statement on the pool, named when the mode and the server allow it. A named statement that
 * went stale is renamed for every connection and run once more: PostgreSQL refuses a stale one when it
 * binds or re-plans it, before it runs, so a statement that writes (the API key check, the host's
 * token read) is not run twice.
 */
export async function queryPrepared<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  mode: PreparedStatementsMode,
  config: pg.QueryConfig,
): Promise<pg.QueryResult<R>> {
  const named = mode === "auto" && (await hasPrivateSessions(pool)) ? nameFor(config.text) : undefined;
  if (!named) return pool.query<R>(config);
  try {
    return await pool.query<R>({ ...config, name: named });
  } catch (error) {
    if (!isStaleStatement(error)) throw error;
    generation++;
    names.clear();
    return pool.query<R>({ ...config, name: nameFor(config.text) });
  }
}
