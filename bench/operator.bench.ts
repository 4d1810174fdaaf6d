// Operator console benchmark: a 100,000-connection fleet seeded in SQL, then the customer dashboard's
// data work per request (what app/(dashboard)/layout.tsx and page.tsx run: one statement for the
// session's member, the organization's connections and its health summary), the operator overview (Fleet
// health counts with the open outages, and the first page of Broken connections, as
// app/(operator)/operator/page.tsx loads them) and the repair funnel (the page's default range: the
// last 28 days), each timed as the median of several rounds in the same process and database, the
// three taking turns within each round. The operator pages also count their own session check
// (lib/operator/require-operator.ts: the same one-query read), run beside their reads as the pages do. Prints each ratio against the customer
// dashboard; the target is 1.5× or less.
// Options: --connections=100000 --runs=15 --db=auto|postgresql|pglite
import crypto from "node:crypto";
import { createTestDatabase, type DatabaseKind } from "../test/test-database";
import { seedFleetAtScale } from "../test/seed-fleet-at-scale";
import { assertLoopback, benchAppEnv } from "./bench-setup";

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

const CONNECTIONS = Number(option("connections", "100000"));
const RUNS = Number(option("runs", "15"));
const DB = option("db", "auto") as DatabaseKind | "auto";
const TARGET = 1.5;

/**
 * The median time of each task over RUNS rounds, the tasks taking turns within a round, so a busy
 * machine's load swings fall on all of them alike rather than on whichever ran during a burst.
 */
async function medians<K extends string>(
  tasks: Record<K, () => Promise<unknown>>,
): Promise<Record<K, number>> {
  const names = Object.keys(tasks) as K[];
  for (const name of names) await tasks[name](); // warm: plans, pools, caches
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < RUNS; i++) {
    for (const name of names) {
      const started = performance.now();
      await tasks[name]();
      times[name].push(performance.now() - started);
    }
  }
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(names.map((name) => [name, middle(times[name])])) as Record<K, number>;
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
    const { readDashboardByToken } = await import("@/lib/dashboard/read-dashboard");
    const { sessionMemberByToken } = await import("@/lib/auth/session-member");
    const { SESSION_MAX_AGE_SECONDS } = await import("@/lib/auth/options");
    const { parseFunnelRange } = await import("@/lib/operator/funnel-range");
    const { foldFleetCounts, foldRepairFunnel } = await import("@/lib/operator/compact-rollups");
    const { getFleetOverview } = await import("@/lib/operator/get-fleet-overview");
    const { listBrokenConnections } = await import("@/lib/operator/list-broken-connections");
    const { parseFleetFilters } = await import("@/lib/operator/fleet-filters");
    const { getRepairFunnel } = await import("@/lib/operator/get-repair-funnel");

    const now = new Date();
    const seeding = performance.now();
    await seedFleetAtScale(db(), { tag: "b", connections: CONNECTIONS, now });
    // The seed's bulk inserts leave delta rows in the rollups; a live database folds them as it goes.
    await foldFleetCounts();
    await foldRepairFunnel();
    // What autovacuum does for a live database: visibility maps, so counts can read indexes only.
    await db().$executeRawUnsafe(`VACUUM ANALYZE`);
    // A signed-in customer (owner of organization 7), as next-auth's database session stores them.
    const sessionToken = crypto.randomBytes(32).toString("hex");
    await db().session.create({
      data: { sessionToken, userId: "bu7", expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
    });
    console.log(
      `seeded ${CONNECTIONS} connections in ${Math.round(performance.now() - seeding)} ms (${database.kind})`,
    );

    // The layout and the page share one read per request (React cache): this statement.
    const dashboardTask = async () => {
      const dashboard = await readDashboardByToken(sessionToken);
      if (typeof dashboard === "string") throw new Error("the bench session is not valid");
    };
    const operatorSession = async () => {
      if ((await sessionMemberByToken(sessionToken)) === "ask-next-auth")
        throw new Error("the bench session is not valid");
    };
    // The pages run their gate and their reads side by side (app/(operator)/operator/page.tsx).
    const overviewTask = () =>
      Promise.all([
        operatorSession(),
        getFleetOverview({ now }),
        listBrokenConnections({ filters: parseFleetFilters({}), now }),
      ]);
    const range = parseFunnelRange({}, now);
    const funnelTask = () =>
      Promise.all([operatorSession(), getRepairFunnel({ from: range.from, to: range.to })]);
    const { dashboard, overview, funnel } = await medians({
      dashboard: dashboardTask,
      overview: overviewTask,
      funnel: funnelTask,
    });
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
