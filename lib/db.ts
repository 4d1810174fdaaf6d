// One Prisma client per process, cached on globalThis so dev reloads do not open new pools. Its pg pool
// is ours, so the dashboard's one statement per request can skip the client's per-query work through
// the same connections (queryRows).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { queryPrepared } from "@/lib/prepared-statements";

export function createPrismaClient(databaseUrl: string, pool?: pg.Pool) {
  return new PrismaClient({
    // $disconnect ends the pool either way, as it always did.
    adapter: new PrismaPg(pool ?? { connectionString: databaseUrl }, { disposeExternalPool: true }),
    // Token columns are never read unless a query asks for them by name (lib/connections/connection-token.ts).
    omit: { connection: { accessTokenCiphertext: true, accessTokenKeyId: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForDb = globalThis as unknown as { prisma?: Db; pool?: pg.Pool };

export function db(): Db {
  if (!globalForDb.prisma) {
    globalForDb.pool = new pg.Pool({ connectionString: env().DATABASE_URL });
    globalForDb.prisma = createPrismaClient(env().DATABASE_URL, globalForDb.pool);
  }
  return globalForDb.prisma;
}

/** The client inside `db().$transaction(async (tx) => …)`, with our global omit applied. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * A stored time as a Date. Prisma stores DateTime as `timestamp(3)` without a zone, in UTC, and both pg's
 * text form ("2026-12-07 08:00:00.123") and JSON's ("2026-12-07T08:00:00.123") leave the zone out, which
 * `new Date` would read as local time. Text that names its zone keeps it; a Date passes through.
 */
export function utcDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const iso = value.replace(" ", "T");
  return new Date(/(Z|[+-]\d\d:\d\d)$/i.test(iso) ? iso : `${iso}Z`);
}

const TIMESTAMP_OID = 1114;
const prismaTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary"
      ? utcDate
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** A statement written as text with `$n` placeholders, and its values. */
export interface TextStatement {
  text: string;
  values: unknown[];
}

/**
 * Rows of one statement straight from the pool, as `db().$queryRaw` would return them (dates as UTC,
 * JSON parsed), without the client's per-query compilation: for the hottest paths, and for rare ones
 * whose code is never warm (a metrics scrape). Its values go as pg sends them, so a statement passes
 * times as ISO text with an explicit type.
 */
export async function queryRows<T>(query: Prisma.Sql | TextStatement): Promise<T[]> {
  const client = db();
  const pool = globalForDb.pool;
  // After $disconnect the client opens a pool of its own; go through it then.
  if (!pool || pool.ending)
    return query instanceof Prisma.Sql
      ? client.$queryRaw<T[]>(query)
      : client.$queryRawUnsafe<T[]>(query.text, ...query.values);
  const { rows } = await queryPrepared(pool, env().DATABASE_PREPARED_STATEMENTS, {
    text: query.text,
    // pg would send a Date as local time with its offset, which a column without a zone ignores.
    values: query.values.map((value) => (value instanceof Date ? value.toISOString() : value)),
    types: prismaTypes,
  });
  return rows as T[];
}

/**
 * A one-row statement's row as one JSON value: a page's reads ride inside another statement this way
 * (lib/auth/require-operator.ts), and read alone they come back in the same shape.
 */
export function rowAsJsonSql(read: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT row_to_json(d) FROM (${read}) d)`;
}

/** The statement that reads a one-row statement alone, as `data` in rowAsJsonSql's shape. */
export function jsonRowSql(read: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${rowAsJsonSql(read)} AS data`;
}

/** Closes this process's pool (shutdown); a later db() opens a new one. */
export async function closeDb(): Promise<void> {
  const client = globalForDb.prisma;
  globalForDb.prisma = undefined;
  globalForDb.pool = undefined;
  await client?.$disconnect();
}
