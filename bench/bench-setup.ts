// What the benchmarks share to set up a run: loopback checks, free ports, the app's environment for a throwaway
// database and the Finch stand-in (development credentials, fresh secrets), an SDK client for the
// stand-in, and a fleet of sandbox connections stored the way the app stores them.
import crypto from "node:crypto";
import net from "node:net";
import Finch from "@tryfinch/finch-api";
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
      const id = `${options.idPrefix}${crypto.randomBytes(10).toString("hex")}`;
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
