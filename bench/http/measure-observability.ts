// The cost of metrics and tracing: the same build started twice on the same database, once plain and
// once with METRICS_TOKEN (scraped every second) and OTEL_EXPORTER_OTLP_ENDPOINT (a local sink that
// accepts every span), the webhook and the dashboard measured on both in alternating rounds.
// Ratio: plain req/s ÷ observed req/s (goal ≤ 1.05).
import http from "node:http";
import type net from "node:net";
import type { Pair } from "./http-pairs";
import { bestRound, describeLoad, measureLoad, type LoadResult } from "./measure-load";
import { startBenchApp } from "./start-bench-app";

export interface ObservabilityCostOptions {
  appDir: string;
  databaseUrl: string;
  kind: string;
  plainUrl: string;
  pairs: Pair[];
  connections: number;
  durationSeconds: number;
  rounds: number;
  quick: boolean;
}

export interface ObservabilityCost {
  label: string;
  value: number;
}

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

export async function measureObservabilityCost(
  options: ObservabilityCostOptions,
): Promise<ObservabilityCost[]> {
  const sink = await startSink();
  const observed = await startBenchApp(options.appDir, options.databaseUrl, {
    METRICS_TOKEN,
    OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
  });
  let scrapes = 0;
  const scraper = setInterval(() => {
    void fetch(`${observed.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then(
      async (response) => {
        await response.text();
        if (response.ok) scrapes++;
      },
      () => undefined,
    );
  }, 1000);
  const costs: ObservabilityCost[] = [];
  try {
    for (const pair of options.pairs.filter((p) => p.key === "webhook" || p.key === "dashboard")) {
      const sides: Record<"off" | "on", LoadResult[]> = { off: [], on: [] };
      // A warm-up on each server first: the first requests compile and cache what every later one reuses.
      for (const baseUrl of [options.plainUrl, observed.url])
        await measureLoad({ baseUrl, request: pair.product, connections: options.connections, amount: 50 });
      for (let round = 1; round <= options.rounds; round++) {
        for (const side of ["off", "on"] as const) {
          const result = await measureLoad({
            baseUrl: side === "off" ? options.plainUrl : observed.url,
            request: pair.product,
            connections: options.connections,
            ...(options.quick
              ? { amount: options.connections * 3 }
              : { durationSeconds: options.durationSeconds }),
          });
          sides[side].push(result);
          console.log(
            `  ${options.kind} ${pair.key} metrics+tracing ${side}, round ${round}: ${describeLoad(result)}`,
          );
        }
      }
      const off = bestRound(sides.off, "throughput");
      const on = bestRound(sides.on, "throughput");
      costs.push({ label: `${pair.key} metrics+tracing cost`, value: off.perSecond / on.perSecond });
    }
  } finally {
    clearInterval(scraper);
    await observed.stop();
    sink.close();
  }
  console.log(
    `  ${options.kind} observability: ${scrapes} scrapes answered, ${sink.received()} OTLP exports received`,
  );
  return costs;
}
