// The cost of metrics and tracing: the same build started twice, fresh, on the same database: "off" with
// neither, "on" with METRICS_TOKEN (scraped every 5 s) and OTEL_EXPORTER_OTLP_ENDPOINT (a local sink
// that accepts every export). The webhook and the dashboard are measured on both in interleaved rounds
// (off-on, on-off, …). Ratio: off req/s ÷ on req/s, the median of the paired rounds (goal ≤ 1.05).
import http from "node:http";
import type net from "node:net";
import type { Pair } from "./http-pairs";
import { describeLoad, measureLoad, type LoadResult } from "./measure-load";
import { processCpuMs } from "./process-cpu";
import { startBenchApp, type BenchApp } from "./start-bench-app";
import { cleanUpOnSignal } from "./stop-on-signal";

export interface ObservabilityCostOptions {
  appDir: string;
  databaseUrl: string;
  kind: string;
  pairs: Pair[];
  connections: number;
  /** Each round's length; the warm-up on each server is 2 s. */
  roundSeconds: number;
  /** Rounds per side and target; an even number keeps the order balanced. */
  rounds: number;
  quick: boolean;
}

export interface ObservabilityCost {
  label: string;
  value: number;
  /** The other views of the same rounds: every round together, and the servers' CPU per request. */
  detail: string;
  problems: string[];
}

type Side = "off" | "on";

const METRICS_TOKEN = "bench-metrics-token-0123456789";

/** An OTLP/HTTP sink: reads and drops every export, as a collector would accept it. */
async function startSink(): Promise<{ url: string; received: () => number; close(): void }> {
  let received = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received++;
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received: () => received, close: () => server.close() };
}

/**
 * Scrapes the "on" server while it is being measured: once as each of its rounds starts, then every
 * SCRAPE_EVERY_MS, three times as often as Prometheus's usual 15 s (at 1 s the scrapes' fixed cost, spread
 * over the few requests a slow round serves, was what the ratio measured; bench/README.md).
 */
const SCRAPE_EVERY_MS = 5000;

function startScraper(url: string) {
  let active = false;
  let answered = 0;
  const scrape = () =>
    void fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then(
      async (response) => {
        await response.text();
        if (response.ok) answered++;
      },
      () => undefined,
    );
  let timer: NodeJS.Timeout | undefined;
  return {
    set active(on: boolean) {
      active = on;
      clearInterval(timer);
      timer = undefined;
      if (!active) return;
      scrape();
      timer = setInterval(scrape, SCRAPE_EVERY_MS);
    },
    answered: () => answered,
    stop: () => clearInterval(timer),
  };
}

/** Off first in even rounds, on first in odd ones: a drift in the machine's load hits both sides alike. */
const sideOrder = (round: number): Side[] => (round % 2 === 0 ? ["off", "on"] : ["on", "off"]);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

async function measureTarget(
  pair: Pair,
  servers: Record<Side, BenchApp>,
  scraper: ReturnType<typeof startScraper>,
  options: ObservabilityCostOptions,
): Promise<ObservabilityCost> {
  const problems: string[] = [];
  const load = async (side: Side, seconds: number) => {
    scraper.active = side === "on";
    try {
      return await measureLoad({
        baseUrl: servers[side].url,
        request: pair.product,
        connections: options.connections,
        ...(options.quick ? { amount: options.connections * 3 } : { durationSeconds: seconds }),
      });
    } finally {
      scraper.active = false;
    }
  };
  // A warm-up on each server first: the first requests compile and cache what every later one reuses.
  for (const side of ["off", "on"] as const) await load(side, 2);
  const cpuBefore = { off: processCpuMs(servers.off.pid), on: processCpuMs(servers.on.pid) };
  const rounds: Record<Side, LoadResult[]> = { off: [], on: [] };
  for (let round = 0; round < options.rounds; round++) {
    for (const side of sideOrder(round)) {
      const result = await load(side, options.roundSeconds);
      rounds[side].push(result);
      console.log(
        `  ${options.kind} ${pair.key} metrics+tracing ${side}, round ${round + 1}: ${describeLoad(result)}`,
      );
      const status = pair.expected[1];
      const other = result.requests - (result.statuses[status] ?? 0);
      if (result.requests === 0 || other > 0 || result.errors > 0)
        problems.push(`${pair.key} metrics+tracing ${side}: ${other} answers other than ${status}`);
    }
  }
  const paired = rounds.off.map((off, i) => off.perSecond / rounds.on[i].perSecond);
  const all = sum(rounds.off.map((r) => r.perSecond)) / sum(rounds.on.map((r) => r.perSecond));
  // Each server's CPU over the whole measurement (its idle time while the other side ran included, so a
  // span export that lands after its round still counts), per request it answered.
  const cpuPerRequest = (side: Side) => {
    const [before, after] = [cpuBefore[side], processCpuMs(servers[side].pid)];
    if (before === undefined || after === undefined) return undefined;
    return (after - before) / sum(rounds[side].map((r) => r.requests));
  };
  const [cpuOff, cpuOn] = [cpuPerRequest("off"), cpuPerRequest("on")];
  const cpu =
    cpuOff && cpuOn
      ? `, server CPU per request ${cpuOff.toFixed(2)} vs ${cpuOn.toFixed(2)} ms (${(cpuOn / cpuOff).toFixed(2)}x)`
      : "";
  const range = `${Math.min(...paired).toFixed(2)}-${Math.max(...paired).toFixed(2)}`;
  return {
    label: `${pair.key} metrics+tracing cost`,
    value: median(paired),
    detail: `median of ${paired.length} paired rounds (${range}); all rounds ${all.toFixed(2)}x${cpu}`,
    problems,
  };
}

/** Both fresh from the same build and on the same database; only the observability variables differ. */
async function startBoth(
  options: ObservabilityCostOptions,
  sinkUrl: string,
): Promise<Record<Side, BenchApp>> {
  const started = await Promise.allSettled([
    startBenchApp(options.appDir, options.databaseUrl),
    // BENCH_OBS=metrics or =tracing turns on only that one (to tell their costs apart); both by default.
    startBenchApp(options.appDir, options.databaseUrl, {
      ...(process.env.BENCH_OBS !== "tracing" ? { METRICS_TOKEN } : {}),
      ...(process.env.BENCH_OBS !== "metrics" ? { OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl } : {}),
    }),
  ]);
  const [off, on] = started;
  if (off.status === "fulfilled" && on.status === "fulfilled") return { off: off.value, on: on.value };
  await Promise.all(started.map((side) => (side.status === "fulfilled" ? side.value.stop() : undefined)));
  throw (off.status === "rejected" ? off : (on as PromiseRejectedResult)).reason;
}

export async function measureObservabilityCost(
  options: ObservabilityCostOptions,
): Promise<ObservabilityCost[]> {
  const sink = await startSink();
  const servers = await startBoth(options, sink.url);
  const forget = cleanUpOnSignal(() =>
    Promise.all([servers.off.stop(), servers.on.stop()]).then(() => undefined),
  );
  const scraper = startScraper(servers.on.url);
  const costs: ObservabilityCost[] = [];
  try {
    for (const pair of options.pairs.filter((p) => p.key === "webhook" || p.key === "dashboard"))
      costs.push(await measureTarget(pair, servers, scraper, options));
  } finally {
    forget();
    scraper.stop();
    await Promise.all([servers.off.stop(), servers.on.stop()]);
    sink.close();
  }
  console.log(
    `  ${options.kind} observability: ${scraper.answered()} scrapes answered, ${sink.received()} OTLP exports received`,
  );
  return costs;
}
