// The pg-boss 12 schema of earlier releases (same name, a version pg-boss 10 cannot use): set aside before
// the engine starts, then its unfinished jobs move to the new schema and it is dropped, once cluster-wide.
import "server-only";
import type PgBoss from "pg-boss";
import { advisoryXactLockSql } from "@/lib/concurrency/advisory-lock-sql";
import { db, type Tx } from "@/lib/db";
import { prismaJobDb } from "./prisma-job-db";
import { queueNames } from "./queues";

/** pg-boss 10.4's schema version (its version.json). */
const ENGINE_SCHEMA_VERSION = 24;
const LOCK_KEY = "job-schema-retire";

export function installedJobSchemaSql(schema: string): { text: string; values: string[] } {
  return { text: "SELECT to_regclass($1)::text AS name", values: [`${schema}.version`] };
}

export function jobSchemaVersionSql(schema: string): string {
  return `SELECT version FROM ${schema}.version`;
}

export function setAsideJobSchemaSql(schema: string, aside: string): string {
  return `ALTER SCHEMA ${schema} RENAME TO ${aside}`;
}

export function retiredJobSchemasSql(schema: string): { text: string; values: string[] } {
  return {
    text: "SELECT nspname::text AS name FROM pg_namespace WHERE nspname LIKE $1 ORDER BY nspname",
    values: [`${schema}\\_retired\\_v%`],
  };
}

/**
 * The unfinished jobs of the queues this release has; one that was running when its release stopped
 * runs again (handlers are idempotent).
 */
export function unfinishedRetiredJobsSql(retired: string): { text: string; values: string[][] } {
  return {
    text: `SELECT name, data, singleton_key AS "singletonKey", start_after AS "startAfter"
      FROM ${retired}.job WHERE name = ANY($1) AND state::text IN ('created', 'retry', 'active')`,
    values: [queueNames],
  };
}

export function dropRetiredJobSchemaSql(retired: string): string {
  return `DROP SCHEMA ${retired} CASCADE`;
}

async function installedVersion(tx: Tx, schema: string): Promise<number | null> {
  const { text, values } = installedJobSchemaSql(schema);
  const [table] = await tx.$queryRawUnsafe<{ name: string | null }[]>(text, ...values);
  if (!table?.name) return null;
  const [row] = await tx.$queryRawUnsafe<{ version: number }[]>(jobSchemaVersionSql(schema));
  return row ? Number(row.version) : null;
}

/** Renames a newer pg-boss schema to `<schema>_retired_v<version>`; returns that name, or null. */
export async function setAsideNewerJobSchema(schema: string): Promise<string | null> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw(advisoryXactLockSql(LOCK_KEY));
    const version = await installedVersion(tx, schema);
    if (version === null || version <= ENGINE_SCHEMA_VERSION) return null;
    const aside = `${schema}_retired_v${version}`;
    await tx.$executeRawUnsafe(setAsideJobSchemaSql(schema, aside));
    return aside;
  });
}

/** Moves the unfinished jobs of every set-aside schema into the running engine's queues; returns how many. */
export async function carryOverRetiredJobs(boss: PgBoss, schema: string): Promise<number> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw(advisoryXactLockSql(LOCK_KEY));
      const { text, values } = retiredJobSchemasSql(schema);
      let moved = 0;
      for (const { name } of await tx.$queryRawUnsafe<{ name: string }[]>(text, ...values)) {
        const unfinished = unfinishedRetiredJobsSql(name);
        const waiting = await tx.$queryRawUnsafe<PgBoss.JobInsert[]>(unfinished.text, ...unfinished.values);
        if (waiting.length > 0) await boss.insert(waiting, { db: prismaJobDb(tx) });
        await tx.$executeRawUnsafe(dropRetiredJobSchemaSql(name));
        moved += waiting.length;
      }
      return moved;
    },
    { timeout: 60_000 },
  );
}
