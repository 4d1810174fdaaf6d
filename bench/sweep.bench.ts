// Sweep benchmark: N connections behind the Finch stand-in with a fixed latency per /introspect,
// swept one at a time (the baseline) and with bounded concurrency, in the same run and database.
// Options: --connections=200 --latency=20 --concurrency=4,8 --db=auto|postgresql|pglite
import crypto from "node:crypto";
import Finch from "@tryfinch/finch-api";
import { DEVELOPMENT_CREDENTIALS } from "@/emulators/shared/development-credentials";
import { createTestDatabase, type DatabaseKind } from "../test/test-database";
import { startFinchProcess } from "./finch-process";

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

const CONNECTIONS = Number(option("connections", "200"));
const LATENCY_MS = Number(option("latency", "20"));
const CONCURRENCY = option("concurrency", "4,8").split(",").map(Number);
const DB = option("db", "auto") as DatabaseKind | "auto";

function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(hostname))
    throw new Error(`refusing a non-loopback URL: ${hostname}`);
}

async function main() {
  if (
    !Number.isInteger(CONNECTIONS) ||
    CONNECTIONS < 1 ||
    !CONCURRENCY.every((c) => Number.isInteger(c) && c >= 1)
  ) {
    throw new Error(
      "usage: bench [--connections=N] [--latency=MS] [--concurrency=4,8] [--db=auto|postgresql|pglite]",
    );
  }
  const database = await createTestDatabase({ kind: DB, prefix: "finch_reconnect_bench" });
  const finch = await startFinchProcess({
    clientId: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_ID,
    clientSecret: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_SECRET,
    webhookSecret: DEVELOPMENT_CREDENTIALS.FINCH_WEBHOOK_SECRET,
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  try {
    assertLoopback(database.url);
    assertLoopback(finch.url);
    // The app's modules read their configuration on first use, so it is in place before they load.
    Object.assign(process.env, {
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      TOKEN_ENCRYPTION_KEYS: `bench:${crypto.randomBytes(32).toString("base64")}`,
      FINCH_CLIENT_ID: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_ID,
      FINCH_CLIENT_SECRET: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_SECRET,
      FINCH_WEBHOOK_SECRET: DEVELOPMENT_CREDENTIALS.FINCH_WEBHOOK_SECRET,
      FINCH_BASE_URL: finch.url,
      RESEND_API_KEY: "re_bench_unused",
    });
    const { db } = await import("@/lib/db");
    const { sealAccessToken } = await import("@/lib/connections/connection-token");
    const { sweepConnections } = await import("@/lib/finch/sweep-connections");

    const sdk = new Finch({
      baseURL: finch.url,
      clientID: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_ID,
      clientSecret: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_SECRET,
      maxRetries: 0,
      logLevel: "off",
    });
    const org = await db().organization.create({ data: { name: "Benchmark" } });
    const rows = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const created = await sdk.sandbox.connections.create({ provider_id: "gusto", employee_size: 5 });
      const id = `bench${crypto.randomBytes(10).toString("hex")}`;
      rows.push({
        id,
        organizationId: org.id,
        finchConnectionId: created.connection_id,
        providerId: "gusto",
        providerName: "Gusto",
        products: created.products,
        ...sealAccessToken(id, created.access_token),
      });
    }
    await db().connection.createMany({ data: rows });
    await fetch(`${finch.url}/_emulator/latency`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "/introspect", ms: LATENCY_MS }),
    });

    // Quiet the sweep's per-run log line; the table below says it all.
    const info = console.log;
    console.log = () => undefined;
    const time = async (concurrency: number) => {
      const started = performance.now();
      const summary = await sweepConnections({ organizationId: org.id, concurrency });
      const ms = performance.now() - started;
      if (summary.checked !== CONNECTIONS)
        throw new Error(`expected ${CONNECTIONS} checked, got ${JSON.stringify(summary)}`);
      return ms;
    };
    await sweepConnections({
      organizationId: org.id,
      connectionIds: rows.slice(0, 10).map((r) => r.id),
      concurrency: 4,
    }); // warm-up
    const sequential = await time(1);
    const bounded = [];
    for (const concurrency of CONCURRENCY) bounded.push({ concurrency, ms: await time(concurrency) });
    console.log = info;

    console.log(
      `sweep benchmark: ${CONNECTIONS} connections, ${LATENCY_MS} ms per /introspect, database ${database.kind}, node ${process.version}`,
    );
    console.log(
      `  sequential (concurrency 1): ${sequential.toFixed(0).padStart(6)} ms  ${(sequential / CONNECTIONS).toFixed(1)} ms/connection`,
    );
    for (const { concurrency, ms } of bounded) {
      console.log(
        `  concurrency ${String(concurrency).padEnd(14)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / CONNECTIONS).toFixed(1)} ms/connection  ${(sequential / ms).toFixed(1)}x`,
      );
    }
    console.log(
      `sweep speedup vs sequential: ${(sequential / bounded[0].ms).toFixed(1)}x (concurrency ${bounded[0].concurrency}, the default SWEEP_CONCURRENCY)`,
    );
    await db().$disconnect();
  } finally {
    await finch.stop();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`sweep benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
