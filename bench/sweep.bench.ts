// Sweep benchmark: N connections behind the Finch stand-in with a fixed latency per /introspect,
// swept one at a time (the baseline) and with bounded concurrency, in the same run and database.
// Options: --connections=200 --latency=20 --concurrency=4,8 --db=auto|postgresql|pglite
import { createTestDatabase, type DatabaseKind } from "../test/test-database";
import { assertLoopback, benchAppEnv, seedSandboxConnections } from "./bench-setup";
import { startFinchProcess } from "./finch-process";

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

const CONNECTIONS = Number(option("connections", "200"));
const LATENCY_MS = Number(option("latency", "20"));
const CONCURRENCY = option("concurrency", "4,8").split(",").map(Number);
const DB = option("db", "auto") as DatabaseKind | "auto";

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
  const finch = await startFinchProcess().catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  try {
    assertLoopback(database.url);
    assertLoopback(finch.url);
    // The app's modules read their configuration on first use, so it is in place before they load.
    Object.assign(process.env, benchAppEnv({ databaseUrl: database.url, finchUrl: finch.url }), {
      // Every call still takes its permit from the shared budget (its cost is part of the measure),
      // but the windows are scaled down until the budget cannot bind: this suite measures the
      // sweep's concurrency, and the fleet suite measures it under Finch's limits.
      FINCH_BUDGET_WINDOW_SCALE: "0.001",
    });
    const { db } = await import("@/lib/db");
    const { sweepConnections } = await import("@/lib/sweep/sweep-connections");

    const org = await db().organization.create({ data: { name: "Benchmark" } });
    const rows = (
      await seedSandboxConnections({
        finchUrl: finch.url,
        organizationId: org.id,
        count: CONNECTIONS,
        idPrefix: "bench",
      })
    ).map((connection) => connection.row);
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
