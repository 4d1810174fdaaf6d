// One Prisma client per process, cached on globalThis so dev reloads do not open new pools.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export function createPrismaClient(databaseUrl: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl }),
    // Token columns are never read unless a query asks for them by name (lib/connections/connection-token.ts).
    omit: { connection: { accessTokenCiphertext: true, accessTokenKeyId: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForDb = globalThis as unknown as { prisma?: Db };

export function db(): Db {
  globalForDb.prisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForDb.prisma;
}

/** The client inside `db().$transaction(async (tx) => …)`, with our global omit applied. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
