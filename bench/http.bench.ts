// HTTP benchmark: the product's hot paths against bare Next.js baselines in the same build and run,
// on the machine's PostgreSQL and on the embedded PGlite default. One line per pair with its ratio,
// then a last line with all of them.
// Options: --duration=8 --connections=20 --rounds=2 --burst=10000 --db=all|postgresql|pglite
//          --parts=pairs,js,burst,observability (pairs = webhook,dashboard,polling) --quick
//          --observability-rounds=128 --observability-round-ms=1000 (pairs of metrics+tracing on vs off,
//          each round that many ms of requests at a steady rate, after warm-up rounds of duration/4 flat out)
// (--quick: 1 s rounds, one round, a small burst; proves the suite works, asserts nothing about time)
import { buildBenchApp } from "./http/build-bench-app";
import { runHttpBenchmark, type DbFigures } from "./http/run-http-benchmark";
import { cleanUpOnSignal } from "./http/stop-on-signal";
import { createTestDatabase, type DatabaseKind } from "../test/test-database";

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

const QUICK = process.argv.includes("--quick");
const settings = {
  durationSeconds: Number(option("duration", QUICK ? "1" : "8")),
  connections: Number(option("connections", "20")),
  rounds: Number(option("rounds", QUICK ? "1" : "2")),
  observabilityRounds: Number(option("observability-rounds", QUICK ? "2" : "128")),
  observabilityRoundMs: Number(option("observability-round-ms", "1000")),
  burstEvents: Number(option("burst", QUICK ? "200" : "10000")),
  quick: QUICK,
  // Which parts run: the load pairs, first-load JS, the webhook burst, metrics+tracing on vs off (all by default).
  parts: option("parts", "pairs,js,burst,observability").split(","),
};
const DB = option("db", "all");

async function main() {
  const { durationSeconds, connections, rounds, observabilityRounds, observabilityRoundMs, burstEvents } =
    settings;
  const counts = [
    durationSeconds,
    connections,
    rounds,
    observabilityRounds,
    observabilityRoundMs,
    burstEvents,
  ];
  if (!counts.every((n) => Number.isInteger(n) && n >= 1))
    throw new Error(
      "usage: bench --suite=http [--duration=S] [--connections=N] [--rounds=N] [--observability-rounds=N] [--observability-round-ms=MS] [--burst=N] [--quick]",
    );
  const kinds: DatabaseKind[] = DB === "all" ? ["postgresql", "pglite"] : [DB as DatabaseKind];
  const appDir = await buildBenchApp(console.log);
  const figures: DbFigures[] = [];
  let failed = false;
  for (const kind of kinds) {
    let database;
    try {
      database = await createTestDatabase({ kind, prefix: "finch_reconnect_http_bench" });
    } catch (error) {
      console.log(`http ${kind}: skipped, no database (${error instanceof Error ? error.message : error})`);
      failed = true;
      continue;
    }
    const forget = cleanUpOnSignal(() => database.drop());
    try {
      figures.push(await runHttpBenchmark({ appDir, databaseUrl: database.url, kind, ...settings }));
    } catch (error) {
      console.error(`http ${kind}: failed: ${error instanceof Error ? error.message : error}`);
      failed = true;
    } finally {
      forget();
      await database.drop();
    }
  }
  const all = figures.map((f) => `${f.kind}: ${f.ratios.map((r) => `${r.label} ${r.text}`).join(", ")}`);
  console.log(
    `http all (${settings.connections} connections, ${settings.durationSeconds} s) | ${all.join(" | ")}`,
  );
  // Quick mode asserts that everything ran correctly, never how fast.
  const broken = figures.some((f) => f.problems.length > 0);
  for (const f of figures) for (const problem of f.problems) console.error(`http ${f.kind}: ${problem}`);
  process.exit(failed || broken ? 1 : 0);
}

void main();
