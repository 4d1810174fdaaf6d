// Fleet benchmark (issue 24): N connections in steady state, swept by I full product instances
// (`next start` with job workers) on one PostgreSQL and one Finch budget, against the stand-in with
// Finch's rate limits on and every window scaled. Customers signed in on every instance click
// "Check status now", "Sync now" and Reconnect throughout. The stand-in's own request log judges.
// Options: --connections=100000 --window-minutes=10 --instances=3 --scale=0.03 --click-period-ms=<derived>
//          --quick (CI: proves it works, asserts nothing about time)
import crypto from "node:crypto";
import { Client } from "pg";
import type { RequestLogSummary } from "@/emulators/finch/request-log/request-log";
import { createTestDatabase } from "../test/test-database";
import { assertLoopback, benchAppEnv } from "./bench-setup";
import { startFinchProcess } from "./finch-process";
import { buildBenchApp } from "./http/build-bench-app";
import { startBenchApp, type BenchApp } from "./http/start-bench-app";
import { clickSteadily, emptyClickStats, seedCustomers, type ClickStats } from "./fleet/customers";
import { interactivePermits, treeRssMb, type PermitCounters } from "./fleet/instances";
import { judgeFleet } from "./fleet/judge-fleet";
import { reportFleet } from "./fleet/report";
import { lastCheckOf, scheduleFleet, seedFleet } from "./fleet/seed-fleet";
import { serverActionIds } from "./fleet/server-actions";

const QUICK = process.argv.includes("--quick");
function option(name: string, fallback: number): number {
  const prefix = `--${name}=`;
  const value = process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  return value === undefined ? fallback : Number(value);
}
const CONNECTIONS = option("connections", QUICK ? 600 : 100_000);
const WINDOW_MINUTES = option("window-minutes", QUICK ? 1 : 10);
const INSTANCES = option("instances", 3);
const SCALE = option("scale", QUICK ? 0.2 : 0.03);
// A customer's click costs about 5 Finch calls on average (check: 3 introspects; sync: company and
// directory; reconnect: session, exchange, receipt reads and the company sync). By default the
// customers together spend half the interactive reserve of the per-IP budget, whatever the scale.
const CALLS_PER_CLICK = 5;
const RESERVE_SHARE = 0.5;
const TOLERANCE = 1.15;
const t0 = Date.now();
const progress = (line: string) =>
  process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function requestLog(finchUrl: string, connections: boolean): Promise<RequestLogSummary> {
  const response = await fetch(`${finchUrl}/_emulator/request-log${connections ? "?connections=1" : ""}`);
  return (await response.json()) as RequestLogSummary;
}

async function main() {
  const appDir = await buildBenchApp(progress);
  const actionIds = serverActionIds(appDir, [
    "checkStatusNowAction",
    "syncConnectionAction",
    "reconnectAction",
  ]);
  const database = await createTestDatabase({ kind: "postgresql", prefix: "finch_reconnect_fleet" });
  const finch = await startFinchProcess();
  const instances: BenchApp[] = [];
  const client = new Client({ connectionString: database.url });
  let clicking = false;
  try {
    assertLoopback(database.url);
    assertLoopback(finch.url);
    await client.connect();
    const shared = benchAppEnv({ databaseUrl: database.url, finchUrl: finch.url });
    Object.assign(process.env, shared, { FINCH_BUDGET_WINDOW_SCALE: String(SCALE) });
    const { sealAccessToken } = await import("@/lib/connections/connection-token");
    const { budgetClass } = await import("@/lib/finch/budget/budget-classes");
    const { RATE_LIMITED_PRODUCTS } = await import("@/lib/finch/spec/rate-limits");
    const ip = budgetClass("ip");
    // The physical limit: the background lane's long-run rate is all the sweep may spend.
    const idealSeconds = CONNECTIONS / ip.lanes.shared.ratePerSecond;
    const reservePerSecond =
      ip.lanes.interactive.capacity / ip.windowSeconds + ip.lanes.interactive.ratePerSecond;
    const clickPeriodMs = option(
      "click-period-ms",
      (INSTANCES * CALLS_PER_CLICK * 1000) / (RESERVE_SHARE * reservePerSecond),
    );
    const metricsToken = crypto.randomBytes(24).toString("hex");
    const appEnv: Record<string, string> = {
      ...shared,
      FINCH_CONNECT_URL: finch.url,
      SWEEP_CONTINUOUS: "on",
      FINCH_BUDGET_WINDOW_SCALE: String(SCALE),
      // Scheduled re-checks land at 1.0-1.125 × ideal: never earlier than the budget can serve.
      SWEEP_TARGET_HOURS: String(idealSeconds / 0.8 / 3600),
      SWEEP_TICK_SECONDS: "2",
      METRICS_TOKEN: metricsToken,
      LOG_LEVEL: "warn",
    };
    const control = (path: string, method: string, body?: unknown) =>
      fetch(`${finch.url}${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    await control("/_emulator/rate-limits", "PUT", { enabled: true, windowScale: SCALE });
    // The first instance creates pg-boss's queues; starting all at once on a fresh database can
    // deadlock in pg-boss's createQueue and leave an instance without its instrumentation hook.
    instances.push(await startBenchApp(appDir, database.url, appEnv));
    instances.push(
      ...(await Promise.all(
        Array.from({ length: INSTANCES - 1 }, () => startBenchApp(appDir, database.url, appEnv)),
      )),
    );
    progress(
      `${INSTANCES} instances ready; ideal re-check ${idealSeconds.toFixed(0)} s; each customer clicks every ${(clickPeriodMs / 1000).toFixed(1)} s`,
    );

    const sandbox = async (products: string[]) => {
      const basic = Buffer.from(`${shared.FINCH_CLIENT_ID}:${shared.FINCH_CLIENT_SECRET}`).toString("base64");
      const response = await fetch(`${finch.url}/sandbox/connections`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Basic ${basic}` },
        body: JSON.stringify({ provider_id: "gusto", employee_size: 3, products }),
      });
      return (await response.json()) as { connection_id: string; access_token: string };
    };
    const customers = await seedCustomers({
      client,
      finchUrl: finch.url,
      instanceUrls: instances.map((i) => i.url),
      connectionsEach: 3,
      seal: sealAccessToken,
      createSandbox: sandbox,
    });
    clicking = true;
    const stats: ClickStats[] = customers.map(() => emptyClickStats());
    const clickers = customers.map((customer, k) =>
      clickSteadily({
        customer,
        actionIds,
        periodMs: clickPeriodMs,
        running: () => clicking,
        stats: stats[k]!,
      }),
    );

    // The fleet arrives while the instances run and the customers click, then is put mid-steady-state.
    const fleet = await seedFleet({
      client,
      finchUrl: finch.url,
      count: CONNECTIONS,
      seal: sealAccessToken,
      progress,
    });
    const windowStart = Date.now() + 1000;
    await scheduleFleet(client, windowStart, idealSeconds * 1000, CONNECTIONS);
    await sleep(Math.max(0, windowStart - Date.now()));
    await control("/_emulator/request-log", "DELETE");
    // Customers' stats and permits count from the window's start, as the log does (the budget's rows
    // are created by the first clicks, before it: a new window row lets only its burst go at first).
    for (const s of stats) Object.assign(s, emptyClickStats());
    const permitsBefore = await Promise.all(instances.map((i) => interactivePermits(i.url, metricsToken)));
    progress(`window of ${WINDOW_MINUTES} min starts`);

    const rssMaxMb = instances.map(() => 0);
    const windowEnd = windowStart + WINDOW_MINUTES * 60_000;
    for (let tick = 0; Date.now() < windowEnd; tick++) {
      await sleep(Math.min(5_000, Math.max(0, windowEnd - Date.now())));
      instances.forEach((instance, k) => (rssMaxMb[k] = Math.max(rssMaxMb[k]!, treeRssMb(instance.pid))));
      if (tick % 6 === 5) {
        const log = await requestLog(finch.url, false);
        progress(
          `stand-in: ${log.byPath["/introspect"] ?? 0} checks, ip peak ${log.peaks.ip.peak}, 429s ${log.refused.finch_api_ip_rl + log.refused.finch_application_rl}`,
        );
      }
    }
    const log = await requestLog(finch.url, true);
    const judgedAt = Date.now();
    clicking = false;
    await Promise.all(clickers);
    const permitsAfter = await Promise.all(instances.map((i) => interactivePermits(i.url, metricsToken)));
    const permits = permitsAfter.reduce(
      (sum, after, k) => {
        const before: PermitCounters = permitsBefore[k]!;
        return {
          refused: sum.refused + after.refused - before.refused,
          waitSeconds: sum.waitSeconds + after.waitSeconds - before.waitSeconds,
        };
      },
      { refused: 0, waitSeconds: 0 },
    );
    const seededLastCheck = new Map(
      fleet.finchIds.map((finchId, index) => [
        finchId,
        lastCheckOf(index, CONNECTIONS, windowStart, idealSeconds * 1000),
      ]),
    );
    const judgement = judgeFleet({
      seededLastCheck,
      introspections: log.introspections ?? {},
      idealMs: idealSeconds * 1000,
      windowEnd: judgedAt,
      tolerance: TOLERANCE,
    });
    const clicks = stats.reduce(
      (all, s) => ({
        latencies: [...all.latencies, ...s.latencies],
        since: Math.min(all.since, s.since),
        byRequest: Object.fromEntries(
          [...new Set([...Object.keys(all.byRequest), ...Object.keys(s.byRequest)])].map((k) => [
            k,
            [...(all.byRequest[k] ?? []), ...(s.byRequest[k] ?? [])],
          ]),
        ),
        ok: {
          check: all.ok.check + s.ok.check,
          sync: all.ok.sync + s.ok.sync,
          reconnect: all.ok.reconnect + s.ok.reconnect,
        },
        refused: all.refused + s.refused,
        failed: all.failed + s.failed,
        failures: [...all.failures, ...s.failures],
      }),
      emptyClickStats(),
    );
    const { lines, met } = reportFleet({
      connections: CONNECTIONS,
      instances: INSTANCES,
      windowMinutes: WINDOW_MINUTES,
      scale: SCALE,
      idealSeconds,
      tolerance: TOLERANCE,
      log,
      ip: { finchLimit: ip.finchLimit, budget: ip.budget },
      products: RATE_LIMITED_PRODUCTS.map((p) => budgetClass(`product:${p}`)).map((c) => ({
        product: c.key.slice(8),
        limit: c.finchLimit,
        budget: c.budget,
      })),
      judgement,
      clicks,
      permits,
      rssMaxMb,
    });
    for (const line of lines) console.log(line);
    // --quick proves the suite works end to end; the goals are for real runs.
    const works =
      clicks.failed === 0 &&
      judgement.checks > 0 &&
      clicks.ok.check > 0 &&
      clicks.ok.sync > 0 &&
      clicks.ok.reconnect > 0;
    process.exitCode = (QUICK ? works : met) ? 0 : 1;
  } finally {
    clicking = false;
    await client.end().catch(() => undefined);
    await Promise.all(instances.map((instance) => instance.stop()));
    await finch.stop();
    await database.drop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(
      `fleet benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
