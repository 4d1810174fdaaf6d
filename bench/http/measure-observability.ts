// The cost of metrics and tracing: the same build started twice, fresh, on the same database: "off" with
// neither, "on" with METRICS_TOKEN (scraped every 5 s) and OTEL_EXPORTER_OTLP_ENDPOINT (a local sink
// that accepts every export). The webhook and the dashboard are loaded on both servers at the same time,
// half the connections each, in rounds: on this shared 2-core machine a server's speed swings by a third
// from one round to the next (bench/README.md), and only load in the same window weighs on both alike.
// The cost: each server's CPU per request over a round (read from /proc), on ÷ off, the median of the
// rounds (goal ≤ 1.05); throughput (off req/s ÷ on req/s) beside it. Then the webhook in one process,
// both sides taking turns in it (bench/observability/webhook-cost-run.ts), which needs no second server.
import http from "node:http";
import type net from "node:net";
import type { Pair } from "./http-pairs";
import { describeLoad, measureLoad, type LoadResult } from "./measure-load";
import { processCpuMs } from "./process-cpu";
import { startBenchApp, type BenchApp } from "./start-bench-app";
import { cleanUpOnSignal } from "./stop-on-signal";
import { measureWebhookCostInProcess } from "../observability/webhook-cost";
import { median, rangeText, sum } from "../stats";

export interface ObservabilityCostOptions {
  appDir: string;
  databaseUrl: string;
  kind: string;
  pairs: Pair[];
  connections: number;
  /** Each round's length; WARM_UP_ROUNDS rounds warm both servers up first. */
  roundSeconds: number;
  /** Measured rounds per target. */
  rounds: number;
  quick: boolean;
  /** The seeded connection the signed webhooks report on (for the one-process measure). */
  finchConnectionId: string;
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

// What "on" turns on: BENCH_OBS=metrics or =tracing only that one (to tell their costs apart), =none
// neither (the same server twice: the measure's own spread); both by default.
const BENCH_OBS = process.env.BENCH_OBS ?? "both";
const OBS = {
  metrics: BENCH_OBS === "both" || BENCH_OBS === "metrics",
  tracing: BENCH_OBS === "both" || BENCH_OBS === "tracing",
};

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
 * Scrapes the "on" server while it is being measured: once as the rounds start, then every
 * SCRAPE_EVERY_MS, three times as often as Prometheus's usual 15 s (at 1 s the scrapes' fixed cost, spread
 * over the few requests a slow round serves, was what the ratio measured; bench/README.md).
 */
const SCRAPE_EVERY_MS = 5000;

function startScraper(url: string, metricsOn: boolean) {
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
      active = on && metricsOn;
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

const SIDES: Side[] = ["off", "on"];
// V8 keeps optimizing a fresh server for about 20 s of load (the webhook's CPU per request halves).
const WARM_UP_ROUNDS = Number(process.env.BENCH_WARM_UP_ROUNDS ?? 4);

async function measureTarget(
  pair: Pair,
  servers: Record<Side, BenchApp>,
  scraper: ReturnType<typeof startScraper>,
  options: ObservabilityCostOptions,
): Promise<ObservabilityCost> {
  const problems: string[] = [];
  const cpuNow = () => ({ off: processCpuMs(servers.off.pid), on: processCpuMs(servers.on.pid) });
  /**
   * One round: both servers under load at the same time, half the connections each, so whatever else the
   * machine does in that window weighs on both alike; then each server's CPU per request over it.
   */
  const round = async (seconds: number) => {
    const cpuStart = cpuNow();
    const results = await Promise.all(
      SIDES.map((side) =>
        measureLoad({
          baseUrl: servers[side].url,
          request: pair.product,
          connections: Math.max(1, Math.round(options.connections / 2)),
          ...(options.quick ? { amount: options.connections * 3 } : { durationSeconds: seconds }),
        }),
      ),
    );
    const cpuEnd = cpuNow();
    return SIDES.map((side, i) => {
      const [start, end] = [cpuStart[side], cpuEnd[side]];
      const cpuMs = start === undefined || end === undefined ? NaN : end - start;
      return { side, result: results[i], cpuPerRequest: cpuMs / Math.max(1, results[i].requests) };
    });
  };
  scraper.active = true;
  // A warm-up first: the first requests compile and cache what every later one reuses.
  for (let warm = 0; warm < WARM_UP_ROUNDS; warm++) await round(options.roundSeconds);
  const cpuBefore = cpuNow();
  const rounds: Record<Side, LoadResult[]> = { off: [], on: [] };
  const cpu: Record<Side, number[]> = { off: [], on: [] };
  for (let index = 0; index < options.rounds; index++) {
    for (const { side, result, cpuPerRequest } of await round(options.roundSeconds)) {
      rounds[side].push(result);
      cpu[side].push(cpuPerRequest);
      console.log(
        `  ${options.kind} ${pair.key} metrics+tracing ${side}, round ${index + 1}: ${describeLoad(result)}, server CPU ${cpuPerRequest.toFixed(2)} ms a request`,
      );
      const status = pair.expected[1];
      const other = result.requests - (result.statuses[status] ?? 0);
      if (result.requests === 0 || other > 0 || result.errors > 0)
        problems.push(`${pair.key} metrics+tracing ${side}: ${other} answers other than ${status}`);
    }
  }
  scraper.active = false;
  const paired = cpu.on.map((on, i) => on / cpu.off[i]);
  const throughput = rounds.off.map((off, i) => off.perSecond / rounds.on[i].perSecond);
  // Each server's CPU over the whole measurement (a span export that lands after its round still counts),
  // per request it answered.
  const wholeCpu = (side: Side) => {
    const [before, after] = [cpuBefore[side], processCpuMs(servers[side].pid)];
    if (before === undefined || after === undefined) return NaN;
    return (after - before) / sum(rounds[side].map((r) => r.requests));
  };
  const [wholeOff, wholeOn] = [wholeCpu("off"), wholeCpu("on")];
  if (paired.some((ratio) => !Number.isFinite(ratio)))
    problems.push(`${pair.key} metrics+tracing: the servers' CPU time could not be read from /proc`);
  return {
    label: `${pair.key} metrics+tracing cost (server CPU per request, on ÷ off)`,
    value: median(paired),
    detail:
      `median of ${paired.length} paired rounds (${rangeText(paired)}), ${median(cpu.off).toFixed(2)} vs ` +
      `${median(cpu.on).toFixed(2)} ms; whole measurement ${wholeOff.toFixed(2)} vs ${wholeOn.toFixed(2)} ms ` +
      `(${(wholeOn / wholeOff).toFixed(2)}x); throughput off ÷ on ${median(throughput).toFixed(2)}x ` +
      `(rounds ${rangeText(throughput)})`,
    problems,
  };
}

async function inProcessCost(options: ObservabilityCostOptions, sinkUrl: string): Promise<ObservabilityCost> {
  const { value, detail } = await measureWebhookCostInProcess({
    databaseUrl: options.databaseUrl,
    sinkUrl,
    finchConnectionId: options.finchConnectionId,
    metricsToken: METRICS_TOKEN,
    rounds: options.rounds * 5,
    perRound: options.quick ? 100 : 500,
  });
  const label = "webhook metrics+tracing cost, one process (CPU per request, on ÷ off)";
  return { label, value, detail, problems: [] };
}

/** Both fresh from the same build and on the same database; only the observability variables differ. */
async function startBoth(
  options: ObservabilityCostOptions,
  sinkUrl: string,
): Promise<Record<Side, BenchApp>> {
  // Web role only, as web replicas run (README "Deploying"): the cost is the requests'; the suite's own
  // app runs the job workers for the database they share, so neither side takes a batch of jobs mid-round.
  const web = { ROLE: "web" };
  const started = await Promise.allSettled([
    startBenchApp(options.appDir, options.databaseUrl, web),
    startBenchApp(options.appDir, options.databaseUrl, {
      ...web,
      ...(OBS.metrics ? { METRICS_TOKEN } : {}),
      ...(OBS.tracing ? { OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl } : {}),
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
  const scraper = startScraper(servers.on.url, OBS.metrics);
  const costs: ObservabilityCost[] = [];
  try {
    for (const pair of options.pairs.filter((p) => p.key === "webhook" || p.key === "dashboard"))
      costs.push(await measureTarget(pair, servers, scraper, options));
    // The same servers stay up, idle; this one measures both sides in one process (BENCH_OBS unset).
    if (OBS.metrics && OBS.tracing) costs.push(await inProcessCost(options, sink.url));
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
