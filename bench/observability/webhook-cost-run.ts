// The webhook's cost of metrics and tracing in one process (measure-observability.ts starts it): the
// route's handler called directly, 20 at a time, in short rounds that take turns with both off and both
// on, so the two sides share one process, one JIT and one heap (two servers of one build differ here by
// up to 10%: bench/README.md) and the machine's swings fall on both. Tracing to the suite's OTLP sink is
// started once; "on" rounds trace (each ends with a flush of its spans, counted) and scrape
// /api/metrics's handler every 5 s of "on" time.
// Next's server is left out: its cost per request is the same either way, so leaving it out can only make
// the ratio larger. Prints one JSON line: CPU per request (ms) of each round of each side. ONLY_SIDE=off or
// =on runs every measured round on that side (to profile one side alone with --cpu-prof).
import { POST as receiveWebhook } from "@/app/api/finch/webhook/route";
import { GET as scrapeMetrics } from "@/app/api/metrics/route";
import { forEachBounded } from "@/lib/concurrency/for-each-bounded";
import { closeDb } from "@/lib/db";
import { startTracing, tracingEnabled } from "@/lib/observability/tracing";
import { signedWebhook } from "../http/http-pairs";

const CONCURRENCY = 20;
const SCRAPE_EVERY_MS = 5000;

const [sinkUrl, finchConnectionId, roundsText, perRoundText] = process.argv.slice(2);
const ROUNDS = Number(roundsText);
const PER_ROUND = Number(perRoundText);

type Side = "off" | "on";

function webhookRequest(): Request {
  const { body, headers } = signedWebhook({ finchConnectionId });
  return new Request("http://127.0.0.1/api/finch/webhook", { method: "POST", headers, body });
}

async function scrape(): Promise<void> {
  const response = await scrapeMetrics(
    new Request("http://127.0.0.1/api/metrics", {
      headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` },
    }),
  );
  await response.text();
  if (!response.ok) throw new Error(`/api/metrics answered ${response.status}`);
}

/**
 * The process's tracing, started once and kept across rounds (lib/observability/tracing.ts keeps it on
 * globalThis): an "off" round takes it out of withSpan's reach, exactly as when no endpoint is set, so
 * the rounds do not pay for building and shutting down a provider, which a server does once.
 */
type HeldTracing = { provider: { forceFlush(): Promise<void> } };
const tracingHolder = globalThis as unknown as { payrollTracing?: HeldTracing };
let heldTracing: HeldTracing | undefined;

function switchTracing(on: boolean): void {
  tracingHolder.payrollTracing = on ? heldTracing : undefined;
  if (tracingEnabled() !== on) throw new Error("tracing.ts no longer keeps its state where this bench looks");
}

/** Time spent in "on" rounds since the last scrape: scrapes follow the on side's own clock. */
let onSinceScrapeMs = SCRAPE_EVERY_MS;

/** One round on one side: the CPU per request, the side's own setup and flush included. */
async function round(side: Side, requests: number): Promise<number> {
  const started = process.cpuUsage();
  const startedAt = performance.now();
  switchTracing(side === "on");
  const scrapes: Promise<void>[] = [];
  const due = () => {
    if (onSinceScrapeMs + performance.now() - startedAt < SCRAPE_EVERY_MS) return;
    onSinceScrapeMs = startedAt - performance.now();
    scrapes.push(scrape());
  };
  if (side === "on") due();
  const timer = side === "on" ? setInterval(due, 100) : undefined;
  try {
    await forEachBounded(
      Array.from({ length: requests }, (_, i) => i),
      async () => {
        const response = await receiveWebhook(webhookRequest());
        await response.text();
        if (response.status !== 200) throw new Error(`the webhook answered ${response.status}`);
      },
      { concurrency: CONCURRENCY },
    );
  } finally {
    clearInterval(timer);
    await Promise.all(scrapes);
    // The round's spans exported before it ends, so their encoding and sending count on its side.
    if (side === "on") await heldTracing?.provider.forceFlush();
    if (side === "on") onSinceScrapeMs += performance.now() - startedAt;
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / requests;
}

async function main(): Promise<void> {
  const stopTracing = startTracing({ endpoint: sinkUrl, serviceName: "bench" });
  heldTracing = tracingHolder.payrollTracing;
  const cpu: Record<Side, number[]> = { off: [], on: [] };
  // A warm-up, both sides: V8 optimizes the handler over its first thousands of calls.
  for (let warm = 0; warm < 10; warm++)
    for (const side of ["off", "on"] as const) await round(side, PER_ROUND);
  for (let index = 0; index < ROUNDS; index++) {
    const order: Side[] = index % 2 === 0 ? ["off", "on"] : ["on", "off"];
    if (process.env.ONLY_SIDE) order.fill(process.env.ONLY_SIDE as Side);
    for (const side of order) cpu[side].push(await round(side, PER_ROUND));
  }
  process.stdout.write(`${JSON.stringify(cpu)}\n`);
  switchTracing(true);
  await stopTracing();
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
