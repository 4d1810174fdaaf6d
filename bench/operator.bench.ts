// Operator console benchmark: a 100,000-connection fleet seeded in SQL, then the customer dashboard's
// queries (one organization's connections, as the dashboard layout loads them), the operator overview
// (Fleet health counts and the first page of Broken connections) and the repair funnel (28 days), each
// timed as the median of several runs in the same process and database. Prints each ratio against the
// customer dashboard; the target is 1.5× or less.
// Options: --connections=100000 --runs=7 --db=auto|postgresql|pglite
import { createTestDatabase, type DatabaseKind } from "../test/test-database";
import { seedFleetAtScale } from "../test/seed-fleet-at-scale";
import { assertLoopback, benchAppEnv } from "./bench-setup";

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

const CONNECTIONS = Number(option("connections", "100000"));
const RUNS = Number(option("runs", "7"));
const DB = option("db", "auto") as DatabaseKind | "auto";
const TARGET = 1.5;

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm: plans, pools, caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function main() {
  if (!Number.isInteger(CONNECTIONS) || CONNECTIONS < 10 || !Number.isInteger(RUNS) || RUNS < 1) {
    throw new Error(
      "usage: bench --suite=operator [--connections=N] [--runs=N] [--db=auto|postgresql|pglite]",
    );
  }
  const database = await createTestDatabase({ kind: DB, prefix: "finch_reconnect_bench" });
  try {
    assertLoopback(database.url);
    Object.assign(process.env, benchAppEnv({ databaseUrl: database.url }));
    const { db } = await import("@/lib/db");
    const { listConnections } = await import("@/lib/connections/list-connections");
    const { getFleetOverview } = await import("@/lib/operator/get-fleet-overview");
    const { listBrokenConnections } = await import("@/lib/operator/list-broken-connections");
    const { parseFleetFilters } = await import("@/lib/operator/fleet-filters");
    const { getRepairFunnel } = await import("@/lib/operator/get-repair-funnel");

    const now = new Date();
    const seeding = performance.now();
    await seedFleetAtScale(db(), { tag: "b", connections: CONNECTIONS, now });
    // What autovacuum does for a live database: visibility maps, so counts can read indexes only.
    await db().$executeRawUnsafe(`VACUUM ANALYZE`);
    console.log(
      `seeded ${CONNECTIONS} connections in ${Math.round(performance.now() - seeding)} ms (${database.kind})`,
    );

    const dashboard = await median(async () => {
      await db().membership.findUnique({ where: { userId: "bu7" }, select: { organizationId: true } });
      await listConnections("bo7");
    });
    const overview = await median(() =>
      Promise.all([
        getFleetOverview({ now }),
        listBrokenConnections({ filters: parseFleetFilters({}), now }),
      ]),
    );
    const funnel = await median(() =>
      getRepairFunnel({ from: new Date(now.getTime() - 28 * 24 * 3_600_000), to: now }),
    );
    console.log(`customer dashboard: ${dashboard.toFixed(1)} ms`);
    for (const [name, time] of [
      ["operator overview", overview],
      ["repair funnel", funnel],
    ] as const) {
      const ratio = time / dashboard;
      console.log(
        `${name}: ${time.toFixed(1)} ms, ${ratio.toFixed(2)}x the customer dashboard (target ≤ ${TARGET}x: ${ratio <= TARGET ? "met" : "NOT met"})`,
      );
    }
    await db().$disconnect();
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
