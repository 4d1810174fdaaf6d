// Operator console benchmark, on a 100,000-connection fleet seeded in SQL. The target (issue 9): the
// overview and the repair funnel each answer within 1.5x the time of the customer dashboard, in the
// same run.
//
// 1. Pages (the target): the three pages as their users wait for them, over HTTP from `next start`
//    (bench/operator/measure-operator-pages.ts): the customer dashboard `/` signed in as a fleet
//    organization's owner, `/operator` (Fleet health: counts, outages, the first page of Broken
//    connections) and `/operator/funnel` (the last 28 days) as an operator; p95 of the best round.
// 2. Database work (context): what each page reads per request, timed in this process as the median
//    of several rounds, the three taking turns: the dashboard's one statement
//    (lib/dashboard/read-dashboard.ts), the overview's gate, counts and page side by side as
//    app/operator/page.tsx runs them, and the funnel's gate and rollup read.
// Options: --connections=100000 --runs=15 --db=auto|postgresql|pglite --parts=pages,data
//          --duration=8 --http-connections=10 --rounds=3
import crypto from "node:crypto";
import { createTestDatabase, type DatabaseKind } from "../test/test-database";
import { seedFleetAtScale } from "../test/seed-fleet-at-scale";
import { assertLoopback, benchAppEnv } from "./bench-setup";
import { measureOperatorPages } from "./operator/measure-operator-pages";

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

const CONNECTIONS = Number(option("connections", "100000"));
const RUNS = Number(option("runs", "15"));
const DB = option("db", "auto") as DatabaseKind | "auto";
const PARTS = option("parts", "pages,data").split(",");
const PAGE_SETTINGS = {
  durationSeconds: Number(option("duration", "8")),
  connections: Number(option("http-connections", "10")),
  rounds: Number(option("rounds", "3")),
};
const TARGET = 1.5;

function verdict(name: string, time: number, dashboard: number, unit: string): string {
  const ratio = time / dashboard;
  return `${name}: ${unit}, ${ratio.toFixed(2)}x the customer dashboard (target ≤ ${TARGET}x: ${ratio <= TARGET ? "met" : "NOT met"})`;
}

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
  const counts = [CONNECTIONS, RUNS, ...Object.values(PAGE_SETTINGS)];
  if (CONNECTIONS < 10 || !counts.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new Error(
      "usage: bench --suite=operator [--connections=N] [--runs=N] [--db=auto|postgresql|pglite] [--parts=pages,data] [--duration=S] [--http-connections=N] [--rounds=N]",
    );
  }
  let failed = false;
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

    if (PARTS.includes("data")) {
      // The home page reads its frame and content in one statement per request: this one.
      const dashboardTask = async () => {
        const dashboard = await readDashboardByToken(sessionToken);
        if (typeof dashboard === "string") throw new Error("the bench session is not valid");
      };
      const operatorSession = async () => {
        if ((await sessionMemberByToken(sessionToken)) === "ask-next-auth")
          throw new Error("the bench session is not valid");
      };
      // The pages run their gate and their reads side by side (app/operator/page.tsx).
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
      console.log(
        `database work per request (context, not the target): dashboard ${dashboard.toFixed(2)} ms, overview ${overview.toFixed(2)} ms (${(overview / dashboard).toFixed(2)}x), funnel ${funnel.toFixed(2)} ms (${(funnel / dashboard).toFixed(2)}x)`,
      );
    }
    if (PARTS.includes("pages")) {
      const pages = await measureOperatorPages({
        databaseUrl: database.url,
        customerUserId: "bu7",
        ...PAGE_SETTINGS,
      });
      for (const problem of pages.problems) console.error(`operator pages: ${problem}`);
      failed = pages.problems.length > 0;
      const p95 = (result: { p95: number }) => `p95 ${result.p95.toFixed(0)} ms`;
      console.log(
        `customer dashboard page: ${p95(pages.dashboard)} (${PAGE_SETTINGS.connections} concurrent)`,
      );
      console.log(
        verdict("operator overview page", pages.overview.p95, pages.dashboard.p95, p95(pages.overview)),
      );
      console.log(verdict("repair funnel page", pages.funnel.p95, pages.dashboard.p95, p95(pages.funnel)));
    }
    await db().$disconnect();
  } finally {
    await database.drop();
  }
  if (failed) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
