// The cost of metrics and tracing, in one server of the benchmark build switched between short rounds:
// "on" rounds trace to a local OTLP sink (each round's spans exported before it ends) and are scraped at
// /api/metrics every 5 s of "on" time; "off" rounds neither, exactly as a server without
// OTEL_EXPORTER_OTLP_ENDPOINT and without a scraper runs (the switch: bench/observability/switch-preload.mjs).
// One process because two fresh servers of one build differ here by up to 10% (bench/README.md), far more
// than the 5% this measures: in one process both sides share one JIT, one heap and one database pool.
// The load is steady (a share of what the server answers flat out), in pairs of rounds of a fixed number
// of requests, the side going first drawn for each pair. The cost: the server's CPU per request
// (process.cpuUsage, read in the server) in each pair's "on" round ÷ its "off" round, the Hodges-Lehmann
// estimate of those ratios (bench/stats.ts), which the few rounds a major collection or a hiccup of the
// machine inflates barely move; for the webhook and the dashboard (goal ≤ 1.05), with the median rounds
// of each side, all rounds together and the major GCs beside it. The noise is per round here, not a
// slow drift the pairs would cancel (bench/README.md): only more pairs narrow it. Where the machine
// allows, the server runs on a CPU of its own and the load generator on the others (cpu-affinity.ts).
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import type net from "node:net";
import path from "node:path";
import { hodgesLehmannRatio, median, sum } from "../stats";
import type { Pair } from "./http-pairs";
import { measureLoad, type LoadResult } from "./measure-load";
import { startBenchApp, type BenchApp } from "./start-bench-app";
import { cpuSplit, moveProcess } from "./cpu-affinity";
import { cleanUpOnSignal } from "./stop-on-signal";

export interface ObservabilityCostOptions {
  appDir: string;
  databaseUrl: string;
  kind: string;
  pairs: Pair[];
  connections: number;
  /** Each warm-up round's length (WARM_UP_ROUNDS a side, flat out). */
  warmUpSeconds: number;
  /** Measured pairs of rounds (one "off", one "on") per target. */
  rounds: number;
  /**
   * Each measured round's requests, as milliseconds' worth at the steady rate. autocannon paces a rate by
   * whole seconds (each second's quota is sent at its start), so a round of less than 1,000 lasts a
   * second all the same, with fewer requests to average over.
   */
  roundMs: number;
  quick: boolean;
}

export interface ObservabilityCost {
  label: string;
  value: number;
  /** The other views of the same rounds: paired rounds and throughput. */
  detail: string;
  problems: string[];
}

type Side = "off" | "on";

const METRICS_TOKEN = "bench-metrics-token-0123456789";

// What "on" turns on: BENCH_OBS=metrics or =tracing only that one (to tell their costs apart), =none
// neither (both sides alike: the measure's own spread); both by default.
const BENCH_OBS = process.env.BENCH_OBS ?? "both";
const OBS = {
  metrics: BENCH_OBS === "both" || BENCH_OBS === "metrics",
  tracing: BENCH_OBS === "both" || BENCH_OBS === "tracing",
};

const LOAD_SHARE = Number(process.env.BENCH_OBS_LOAD ?? 0.6);

// V8 keeps optimizing a fresh server for about 20 s of load (the webhook's CPU per request halves).
const WARM_UP_ROUNDS = Number(process.env.BENCH_WARM_UP_ROUNDS ?? 4);

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
 * Scrapes /api/metrics during "on" rounds, by their own clock: at the first one's start, then every
 * SCRAPE_EVERY_MS of "on" time, three times as often as Prometheus's usual 15 s. A round's scrapes are
 * answered before it ends, so their CPU counts on its side.
 */
const SCRAPE_EVERY_MS = 5000;

function startScraper(url: string) {
  let answered = 0;
  let onSinceScrapeMs = SCRAPE_EVERY_MS;
  let inFlight: Promise<void>[] = [];
  const scrape = async () => {
    const response = await fetch(`${url}/api/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    await response.text();
    if (!response.ok) throw new Error(`/api/metrics answered ${response.status}`);
    answered++;
  };
  return {
    /** Scrapes while `work` runs, as due; resolves once `work` and its scrapes are done. */
    async during<T>(work: () => Promise<T>): Promise<{ value: T; scrapes: number }> {
      const startedAt = performance.now();
      const due = () => {
        if (onSinceScrapeMs + performance.now() - startedAt < SCRAPE_EVERY_MS) return;
        onSinceScrapeMs = startedAt - performance.now();
        inFlight.push(scrape());
      };
      due();
      const timer = setInterval(due, 100);
      try {
        return { value: await work(), scrapes: inFlight.length };
      } finally {
        clearInterval(timer);
        onSinceScrapeMs += performance.now() - startedAt;
        const scrapes = inFlight;
        inFlight = [];
        await Promise.all(scrapes);
      }
    },
    answered: () => answered,
  };
}

/** What the server's switch (switch-preload.mjs) answers each call with: its CPU time and major GCs so far. */
interface ServerState {
  cpuMs: number;
  majorGcs: number;
}

function switchAt(port: number) {
  return async (call: string): Promise<ServerState> => {
    const response = await fetch(`http://127.0.0.1:${port}${call}`, { method: "POST" });
    const text = await response.text();
    if (!response.ok) throw new Error(`the benchmark switch refused ${call}: ${text}`);
    const { cpuMicros, majorGcs } = JSON.parse(text) as { cpuMicros: number; majorGcs: number };
    return { cpuMs: cpuMicros / 1000, majorGcs };
  };
}

interface Round {
  result: LoadResult;
  cpuMs: number;
  majorGcs: number;
  /** Scrapes of /api/metrics in the round ("on" rounds only; each answered before the round ends). */
  scrapes: number;
}

async function measureTarget(
  pair: Pair,
  server: BenchApp,
  call: ReturnType<typeof switchAt>,
  scraper: ReturnType<typeof startScraper>,
  options: ObservabilityCostOptions,
): Promise<ObservabilityCost> {
  const problems: string[] = [];
  // A warm-up round runs flat out for warmUpSeconds; a measured one sends `amount` requests at `rate`.
  const round = async (side: Side, steady?: { rate: number; amount: number }): Promise<Round> => {
    const started = await call(`/start/${side}`);
    const load = () =>
      measureLoad({
        baseUrl: server.url,
        request: pair.product,
        connections: options.connections,
        rate: steady?.rate,
        ...(options.quick
          ? { amount: options.connections * 5 }
          : steady
            ? { amount: steady.amount }
            : { durationSeconds: options.warmUpSeconds }),
      });
    const { value: result, scrapes } =
      side === "on" && OBS.metrics ? await scraper.during(load) : { value: await load(), scrapes: 0 };
    const ended = await call("/end");
    const status = pair.expected[1];
    const other = result.requests - (result.statuses[status] ?? 0);
    if (result.requests === 0 || other > 0 || result.errors > 0)
      problems.push(`${pair.key} metrics+tracing ${side}: ${other} answers other than ${status}`);
    return {
      result,
      cpuMs: ended.cpuMs - started.cpuMs,
      majorGcs: ended.majorGcs - started.majorGcs,
      scrapes,
    };
  };
  // A warm-up first, both sides: the first requests compile and cache what every later one reuses.
  const warmUp: number[] = [];
  for (let warm = 0; warm < WARM_UP_ROUNDS; warm++)
    for (const side of ["off", "on"] as const) warmUp.push((await round(side)).result.perSecond);
  // Then a steady load, LOAD_SHARE of what the server answered flat out: a saturated machine's CPU time
  // per request swings with whatever else runs on it, a steady one much less (bench/README.md).
  const rate = Math.max(1, Math.round(median(warmUp.slice(-4)) * LOAD_SHARE));
  const amount = Math.max(options.connections, Math.round((rate * options.roundMs) / 1000));
  const rounds: Record<Side, Round[]> = { off: [], on: [] };
  const perRequest = ({ cpuMs, result }: Round) => cpuMs / Math.max(1, result.requests);
  for (let index = 0; index < options.rounds; index++) {
    // Which side goes first is drawn for each pair: the server's major garbage collections come every
    // so many requests, and in a fixed order (off-on, on-off, ...) they fell on the same side every
    // time (the same server on both sides read 0.95x and 1.03x).
    const order: Side[] = Math.random() < 0.5 ? ["off", "on"] : ["on", "off"];
    const first = await round(order[0], { rate, amount });
    const second = await round(order[1], { rate, amount });
    const [off, on] = order[0] === "off" ? [first, second] : [second, first];
    rounds.off.push(off);
    rounds.on.push(on);
    const gcs = off.majorGcs + on.majorGcs ? `, major GCs off ${off.majorGcs} on ${on.majorGcs}` : "";
    const scraped = on.scrapes ? `, ${on.scrapes} scrape${on.scrapes > 1 ? "s" : ""}` : "";
    console.log(
      `  ${options.kind} ${pair.key} metrics+tracing pair ${index + 1} (${order.join(" then ")}): server CPU off ${perRequest(off).toFixed(3)}, on ${perRequest(on).toFixed(3)} ms a request, ${off.result.requests}+${on.result.requests} requests${gcs}${scraped}`,
    );
  }
  const overall = (side: Side) =>
    sum(rounds[side].map((r) => r.cpuMs)) / Math.max(1, sum(rounds[side].map((r) => r.result.requests)));
  const [off, on] = (["off", "on"] as const).map((side) => median(rounds[side].map(perRequest)));
  const paired = rounds.on.map((r, i) => perRequest(r) / perRequest(rounds.off[i]));
  const gcs = (side: Side) => sum(rounds[side].map((r) => r.majorGcs));
  return {
    label: `${pair.key} metrics+tracing cost (server CPU per request, on ÷ off)`,
    value: hodgesLehmannRatio(paired),
    detail:
      `one server, ${paired.length} pairs of ${amount} requests at ${rate} req/s; median rounds ` +
      `${off.toFixed(3)} vs ${on.toFixed(3)} ms a request (${(on / off).toFixed(2)}x); all rounds ` +
      `${(overall("on") / overall("off")).toFixed(2)}x; major GCs off ${gcs("off")}, on ${gcs("on")}`,
    problems,
  };
}

export async function measureObservabilityCost(
  options: ObservabilityCostOptions,
): Promise<ObservabilityCost[]> {
  const sink = await startSink();
  // The switch listens on a port of its own choosing and names it in this file.
  const switchDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-switch-"));
  const switchFile = path.join(switchDir, "port");
  // The server on a CPU of its own, the load generator (this process) on the others, while it lasts.
  const split = cpuSplit();
  // Web role, as web replicas run (README "Deploying"): the cost is the requests'; the suite's own app
  // runs the job workers for the database they share, so no batch of jobs lands in one side's round.
  const server = await startBenchApp(
    options.appDir,
    options.databaseUrl,
    {
      ROLE: "web",
      BENCH_SWITCH_FILE: switchFile,
      ...(OBS.metrics ? { METRICS_TOKEN } : {}),
      ...(OBS.tracing ? { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url } : {}),
    },
    ["--import", path.join(import.meta.dirname, "../observability/switch-preload.mjs")],
    split?.server,
  );
  const switchPort = Number(fs.readFileSync(switchFile, "utf8"));
  fs.rmSync(switchDir, { recursive: true, force: true });
  const forget = cleanUpOnSignal(() => server.stop());
  const scraper = startScraper(server.url);
  const costs: ObservabilityCost[] = [];
  try {
    // Inside the try, so that the finally below always gives this process every CPU back.
    if (split) moveProcess(process.pid, split.rest);
    for (const pair of options.pairs.filter((p) => p.key === "webhook" || p.key === "dashboard"))
      costs.push(await measureTarget(pair, server, switchAt(switchPort), scraper, options));
  } finally {
    forget();
    await server.stop();
    sink.close();
    if (split) moveProcess(process.pid, split.all);
  }
  console.log(
    `  ${options.kind} observability (${BENCH_OBS}): ${scraper.answered()} scrapes answered, ${sink.received()} OTLP exports received; ${split ? `server on CPU ${split.server}, load from CPUs ${split.rest}` : "no CPU split"}`,
  );
  if (OBS.tracing && sink.received() === 0)
    costs[0]?.problems.push("tracing was on, yet no span reached the sink");
  if (OBS.metrics && scraper.answered() === 0)
    costs[0]?.problems.push("metrics were on, yet no scrape was answered");
  return costs;
}
