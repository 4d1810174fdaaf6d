// Fleet benchmark: N connections swept continuously by three app instances (worker processes) on
// one PostgreSQL, sharing one Finch call budget, against the stand-in with Finch's rate limits on
// and every window scaled down so the run takes a couple of minutes. Meanwhile interactive calls
// (a customer reconnecting) take permits and we time how long they wait.
// Options: --connections=5000 --instances=3 --scale=0.03 --target-seconds=150
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { RateLimitUsage } from "@/emulators/finch/rate-limits/finch-rate-limiter";
import { stopChild } from "../scripts/lib/processes";
import { createTestDatabase } from "../test/test-database";
import { assertLoopback, benchAppEnv, seedSandboxConnections } from "./bench-setup";
import { startFinchProcess } from "./finch-process";

function option(name: string, fallback: string): number {
  const prefix = `--${name}=`;
  return Number(process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback);
}

const CONNECTIONS = option("connections", "5000");
const INSTANCES = option("instances", "3");
const SCALE = option("scale", "0.03");
const TARGET_SECONDS = option("target-seconds", "150");
const RUN_LIMIT_MS = 170_000;
const t0 = Date.now();
const progress = (line: string) =>
  process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "fleet-worker.ts")],
    { cwd: path.resolve(__dirname, ".."), env, stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      if (chunk.includes("fleet-worker ready")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`a worker exited early (code ${code})`)));
  });
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

async function main() {
  const database = await createTestDatabase({ kind: "postgresql", prefix: "finch_reconnect_fleet" });
  const finch = await startFinchProcess();
  const workers: ChildProcess[] = [];
  try {
    assertLoopback(database.url);
    assertLoopback(finch.url);
    const appEnv: NodeJS.ProcessEnv = {
      ...process.env,
      ...benchAppEnv({ databaseUrl: database.url, finchUrl: finch.url }),
      FINCH_BUDGET_WINDOW_SCALE: String(SCALE),
      SWEEP_TARGET_HOURS: String(TARGET_SECONDS / 3600),
      SWEEP_TICK_SECONDS: "2",
      SWEEP_CONCURRENCY: "4",
    };
    Object.assign(process.env, appEnv);
    const { db } = await import("@/lib/db");
    const { acquireFinchPermit } = await import("@/lib/finch/budget/acquire-finch-permit");
    const { budgetClass } = await import("@/lib/finch/budget/budget-classes");
    const { getSweepCoverage } = await import("@/lib/sweep/get-sweep-coverage");

    // Seeding is not part of the measurement: the stand-in's limits go on afterwards.
    const org = await db().organization.create({ data: { name: "Fleet" } });
    const fleet = await seedSandboxConnections({
      finchUrl: finch.url,
      organizationId: org.id,
      count: CONNECTIONS,
      idPrefix: "fleet",
      dueNow: true,
    });
    const tokens = fleet.map((connection) => connection.accessToken);
    const control = (method: string, body?: unknown) =>
      fetch(`${finch.url}/_emulator/rate-limits`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => r.json() as Promise<RateLimitUsage>);
    await control("PUT", { enabled: true, windowScale: SCALE });

    workers.push(...(await Promise.all(Array.from({ length: INSTANCES }, () => startWorker(appEnv)))));
    const started = Date.now();
    progress(`${INSTANCES} instances ready`);

    // Interactive calls while the sweep is busy: one every 250 ms, each timed until it has its permit.
    const waits: number[] = [];
    let interactiveErrors = 0;
    let sweeping = true;
    const interactive = (async () => {
      for (let i = 0; sweeping; i++) {
        const asked = performance.now();
        const permit = await acquireFinchPermit({ path: "/introspect", priority: "interactive" });
        waits.push(performance.now() - asked);
        if (permit.kind === "refused") interactiveErrors++;
        else {
          const answer = await fetch(`${finch.url}/introspect`, {
            headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
          });
          if (!answer.ok) interactiveErrors++;
        }
        await sleep(250);
      }
    })();

    let coverage = await getSweepCoverage();
    while (Date.now() - started < RUN_LIMIT_MS) {
      await sleep(2_000);
      const unchecked = await db().connection.count({
        where: { organizationId: org.id, lastCheckedAt: null },
      });
      coverage = await getSweepCoverage();
      progress(`unchecked ${unchecked}, worst staleness ${coverage.worstStalenessSeconds} s`);
      if (unchecked === 0) break;
    }
    sweeping = false;
    await interactive;
    const elapsed = (Date.now() - started) / 1000;
    const unchecked = await db().connection.count({ where: { organizationId: org.id, lastCheckedAt: null } });
    const usage = await control("GET");
    const refused = usage.refused.finch_api_ip_rl + usage.refused.finch_application_rl;
    const peak = Math.max(0, ...usage.ip.addresses.map((a) => a.peak));
    const budget = budgetClass("ip").budget;
    const staleness = Math.max(coverage.worstStalenessSeconds, coverage.worstStalenessLast24hSeconds);
    console.log(
      `fleet benchmark: ${CONNECTIONS} connections, ${INSTANCES} instances, windows ×${SCALE} (IP window ${budgetClass("ip").windowSeconds} s, Finch limit ${usage.ip.limit}, budget ${budget}), target ${TARGET_SECONDS} s`,
    );
    console.log(
      `  ran ${elapsed.toFixed(0)} s (${((CONNECTIONS - unchecked) / elapsed).toFixed(1)} first checks/s), unchecked ${unchecked}, interactive calls ${waits.length} (${interactiveErrors} failed), p50 wait ${waits.sort((a, b) => a - b)[Math.floor(waits.length / 2)]?.toFixed(0)} ms`,
    );
    console.log(
      `fleet: ${CONNECTIONS} connections, ${INSTANCES} instances, 429s ${refused}, peak ${peak}/${budget} per window, max staleness ${staleness.toFixed(0)} s, interactive p95 wait ${p95(waits).toFixed(0)} ms`,
    );
    await db().$disconnect();
    const met =
      refused === 0 && peak <= budget && unchecked === 0 && staleness <= TARGET_SECONDS && p95(waits) <= 1000;
    process.exitCode = met ? 0 : 1;
  } finally {
    await Promise.all(workers.map((worker) => stopChild(worker)));
    await finch.stop();
    await database.drop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(`fleet benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
