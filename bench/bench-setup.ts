// What the benchmarks share to set up a run: loopback checks, free ports, the app's environment for a throwaway
// database and the Finch stand-in (development credentials, fresh secrets), an organization's owner signed
// in, and a fleet of sandbox connections stored the way the app stores them.
import crypto from "node:crypto";
import net from "node:net";
import Finch from "@tryfinch/finch-api";
import type { Client } from "pg";
import { DEVELOPMENT_CREDENTIALS } from "@/emulators/shared/development-credentials";
import { forEachBounded } from "@/lib/concurrency/for-each-bounded";

/** Benchmarks write to a database and call a Finch they start themselves: never anything remote. */
export function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(hostname))
    throw new Error(`refusing a non-loopback URL: ${hostname}`);
}

/** A port nothing listens on right now, for a process the benchmark starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The app's settings for a benchmark run: production mode, fresh secrets, the development credentials. */
export function benchAppEnv(options: { databaseUrl: string; finchUrl?: string }): Record<string, string> {
  return {
    NODE_ENV: "production",
    LOCAL_RUN: "on", // a run on this machine against the stand-ins (lib/env.ts)
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEYS: `bench:${crypto.randomBytes(32).toString("base64")}`,
    FINCH_CLIENT_ID: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_ID,
    FINCH_CLIENT_SECRET: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_SECRET,
    FINCH_WEBHOOK_SECRET: DEVELOPMENT_CREDENTIALS.FINCH_WEBHOOK_SECRET,
    ...(options.finchUrl ? { FINCH_BASE_URL: options.finchUrl } : {}),
    RESEND_API_KEY: "re_bench_unused",
  };
}

/** A row id for a benchmark's own rows: the prefix, then 20 random hex digits. */
export const benchId = (prefix: string) => `${prefix}${crypto.randomBytes(10).toString("hex")}`;

/** A next-auth database session for a user, valid for 30 days, as the cookie that carries it. */
export async function insertSession(client: Client, userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("hex");
  await client.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '30 days')`,
    [benchId("ses"), token, userId],
  );
  return `next-auth.session-token=${token}`;
}

export interface SeededOwner {
  organizationId: string;
  userId: string;
  /** The session cookie the owner's requests carry. */
  cookie: string;
}

/** A new organization and its owner (a verified user), signed in with a next-auth database session. */
export async function seedOwnerWithSession(client: Client, organizationName: string): Promise<SeededOwner> {
  const organizationId = benchId("org");
  const userId = benchId("usr");
  await client.query(`INSERT INTO "Organization" (id, name) VALUES ($1, $2)`, [
    organizationId,
    organizationName,
  ]);
  await client.query(`INSERT INTO "User" (id, email, "emailVerified") VALUES ($1, $2, now())`, [
    userId,
    `owner-${userId}@example.com`,
  ]);
  await client.query(
    `INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ($1, $2, $3, 'owner')`,
    [benchId("mem"), userId, organizationId],
  );
  return { organizationId, userId, cookie: await insertSession(client, userId) };
}

/** A sandbox connection as the stand-in's bulk route answers it. */
export interface MintedConnection {
  connection_id: string;
  company_id: string;
  products: string[];
  access_token: string;
}

/**
 * Many sandbox connections (Gusto) at once, through the stand-in's bulk route
 * (`POST /_emulator/connections/bulk`, at most 20,000 a call): nothing is stored in the app's database.
 */
export async function mintSandboxConnections(options: {
  finchUrl: string;
  count: number;
  employeeSize: number;
}): Promise<MintedConnection[]> {
  const response = await fetch(`${options.finchUrl}/_emulator/connections/bulk`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ count: options.count, provider_id: "gusto", employee_size: options.employeeSize }),
  });
  if (!response.ok) throw new Error(`bulk connections: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { connections: MintedConnection[] }).connections;
}

export interface SeededConnection {
  row: {
    id: string;
    organizationId: string;
    finchConnectionId: string;
    providerId: string;
    providerName: string;
    products: string[];
    accessTokenCiphertext: string;
    accessTokenKeyId: string;
    nextCheckAt?: Date;
  };
  accessToken: string;
}

export interface SeedSandboxOptions {
  finchUrl: string;
  organizationId: string;
  count: number;
  /** Row ids start with it, so a run's rows are easy to tell apart. */
  idPrefix: string;
  /** Due for a check now (an imported fleet nobody has checked yet). */
  dueNow?: boolean;
  concurrency?: number;
}

/**
 * Creates sandbox connections on the stand-in and stores them with sealed tokens. Call it after the
 * app's environment is in place: the app's modules read it on first use.
 */
export async function seedSandboxConnections(options: SeedSandboxOptions): Promise<SeededConnection[]> {
  const { db } = await import("@/lib/db");
  const { sealAccessToken } = await import("@/lib/connections/connection-token");
  const sdk = new Finch({
    baseURL: options.finchUrl,
    clientID: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_ID,
    clientSecret: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_SECRET,
    maxRetries: 0,
    logLevel: "off",
  });
  const seeded: SeededConnection[] = [];
  await forEachBounded(
    Array.from({ length: options.count }, (_, i) => i),
    async () => {
      const created = await sdk.sandbox.connections.create({ provider_id: "gusto", employee_size: 5 });
      const id = benchId(options.idPrefix);
      seeded.push({
        accessToken: created.access_token,
        row: {
          id,
          organizationId: options.organizationId,
          finchConnectionId: created.connection_id,
          providerId: "gusto",
          providerName: "Gusto",
          products: created.products,
          ...(options.dueNow ? { nextCheckAt: new Date() } : {}),
          ...sealAccessToken(id, created.access_token),
        },
      });
    },
    { concurrency: options.concurrency ?? 8 },
  );
  for (let i = 0; i < seeded.length; i += 1000)
    await db().connection.createMany({ data: seeded.slice(i, i + 1000).map((s) => s.row) });
  return seeded;
}
