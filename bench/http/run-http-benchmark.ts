// One database's run of the http suite: start the benchmark build on it, sign in, check every path
// answers as it should, measure each pair in alternating rounds, first-load JS, and the webhook burst.
import crypto from "node:crypto";
import { BASELINE_PAGE } from "./build-bench-app";
import { httpPairs, signedWebhook, type Pair } from "./http-pairs";
import { measureFirstLoadJs, scriptsApart } from "./measure-first-load-js";
import { measureObservabilityCost } from "./measure-observability";
import { bestRound, describeLoad, measureLoad, type LoadRequest, type LoadResult } from "./measure-load";
import { countWebhookEvents, seedBenchData } from "./seed-bench-data";
import { startBenchApp } from "./start-bench-app";
import { cleanUpOnSignal } from "./stop-on-signal";

export interface HttpBenchSettings {
  appDir: string;
  databaseUrl: string;
  kind: string;
  durationSeconds: number;
  connections: number;
  rounds: number;
  /** Pairs of rounds of metrics+tracing on vs off, and each measured round's length. */
  observabilityRounds: number;
  observabilityRoundMs: number;
  burstEvents: number;
  quick: boolean;
  parts: string[];
}

export interface Ratio {
  label: string;
  value: number;
  met: boolean;
  text: string;
}

export interface DbFigures {
  kind: string;
  ratios: Ratio[];
  problems: string[];
}

function ratioOf(label: string, value: number, goal: { atLeast?: number; atMost?: number }): Ratio {
  const met =
    (goal.atLeast === undefined || value >= goal.atLeast) &&
    (goal.atMost === undefined || value <= goal.atMost);
  const goalText = goal.atLeast !== undefined ? `≥ ${goal.atLeast}` : `≤ ${goal.atMost}`;
  return { label, value, met, text: `${value.toFixed(2)}x (goal ${goalText} ${met ? "met" : "MISSED"})` };
}

async function measurePair(pair: Pair, settings: HttpBenchSettings, baseUrl: string, problems: string[]) {
  // Quick mode sends a fixed number of requests, so even a crowded machine answers some of them.
  const load = (request: LoadRequest, seconds: number) =>
    measureLoad({
      baseUrl,
      request,
      connections: settings.connections,
      ...(settings.quick ? { amount: settings.connections * 3 } : { durationSeconds: seconds }),
    });
  await load(pair.baseline, 2);
  await load(pair.product, 2);
  const sides: { baseline: LoadResult[]; product: LoadResult[] } = { baseline: [], product: [] };
  for (let round = 1; round <= settings.rounds; round++) {
    for (const side of ["baseline", "product"] as const) {
      const result = await load(pair[side], settings.durationSeconds);
      sides[side].push(result);
      console.log(`  ${settings.kind} ${pair.name}, round ${round}, ${side}: ${describeLoad(result)}`);
      if (result.requests === 0) problems.push(`${pair.name} ${side}: no answer in time`);
      const status = pair.expected[side === "baseline" ? 0 : 1];
      const other = result.requests - (result.statuses[status] ?? 0);
      if (other > 0 || result.errors > 0)
        problems.push(`${pair.name} ${side}: ${other} answers other than ${status}, ${result.errors} errors`);
    }
  }
  const by = pair.compare === "p95" ? "p95" : "throughput";
  const baseline = bestRound(sides.baseline, by);
  const product = bestRound(sides.product, by);
  const value =
    pair.compare === "p95"
      ? product.p95 / baseline.p95
      : pair.compare === "cost"
        ? baseline.perSecond / product.perSecond
        : product.perSecond / baseline.perSecond;
  return { value, baseline, product };
}

async function runBurst(
  settings: HttpBenchSettings,
  baseUrl: string,
  data: Awaited<ReturnType<typeof seedBenchData>>,
  problems: string[],
) {
  // Every 11th request redelivers an event sent a few requests earlier, so duplicates race originals.
  const prefix = `burst_${crypto.randomBytes(4).toString("hex")}_`;
  const duplicates = Math.floor(settings.burstEvents / 10);
  const total = settings.burstEvents + duplicates;
  let sent = 0;
  let distinct = 0;
  const next = () => {
    const index = sent++;
    const isDuplicate = index % 11 === 10 && distinct > 5;
    const eventId = isDuplicate ? `${prefix}${distinct - 1 - (index % 5)}` : `${prefix}${distinct++}`;
    return signedWebhook(data, eventId);
  };
  const started = Date.now();
  const result = await measureLoad({
    baseUrl,
    connections: settings.connections,
    amount: total,
    request: { method: "POST", path: "/api/finch/webhook", next },
  });
  const recorded = await countWebhookEvents(settings.databaseUrl, prefix);
  const seconds = (Date.now() - started) / 1000;
  const ok = result.statuses[200] ?? 0;
  console.log(
    `  ${settings.kind} burst: ${distinct} distinct events + ${sent - distinct} duplicates in ${seconds.toFixed(1)} s, ${recorded} recorded, ${describeLoad(result)}`,
  );
  if (recorded !== distinct) problems.push(`burst: ${recorded} events recorded, ${distinct} sent`);
  if (ok !== total || result.errors > 0)
    problems.push(`burst: ${total - ok} of ${total} answers were not 200`);
  return { recorded, distinct, duplicates: sent - distinct, ok, total };
}

export async function runHttpBenchmark(settings: HttpBenchSettings): Promise<DbFigures> {
  const problems: string[] = [];
  const ratios: Ratio[] = [];
  const data = await seedBenchData(settings.databaseUrl);
  const app = await startBenchApp(settings.appDir, settings.databaseUrl);
  const forget = cleanUpOnSignal(() => app.stop());
  try {
    const signedIn = { cookie: data.sessionCookie };
    const dashboard = await fetch(`${app.url}/`, { headers: signedIn, redirect: "manual" });
    if (dashboard.status !== 200 || !(await dashboard.text()).includes("Benchmark Payroll Co"))
      problems.push(`the signed-in dashboard answered ${dashboard.status} without the organization's name`);
    const webhook = signedWebhook(data);
    const hook = await fetch(`${app.url}/api/finch/webhook`, { method: "POST", ...webhook });
    if (hook.status !== 200) problems.push(`a signed webhook answered ${hook.status}`);
    let etag = "";
    const refreshEtag = async () => {
      const full = await fetch(`${app.url}/api/connections`, { headers: signedIn });
      etag = full.headers.get("etag") ?? "";
      const conditional = await fetch(`${app.url}/api/connections`, {
        headers: { ...signedIn, "if-none-match": etag },
      });
      if (!etag || conditional.status !== 304)
        problems.push(
          `/api/connections: ETag "${etag}", a conditional request answered ${conditional.status}`,
        );
    };
    await refreshEtag();

    const chosen = (key: string) => settings.parts.includes("pairs") || settings.parts.includes(key);
    for (const pair of httpPairs(data, () => etag).filter((p) => chosen(p.key))) {
      if (pair.key === "polling") await refreshEtag();
      const { value, baseline, product } = await measurePair(pair, settings, app.url, problems);
      const ratio = ratioOf(pair.label, value, pair.goal);
      ratios.push(ratio);
      const unit =
        pair.compare === "p95"
          ? `p95 ${product.p95.toFixed(0)} vs ${baseline.p95.toFixed(0)} ms`
          : `${product.perSecond.toFixed(0)} vs ${baseline.perSecond.toFixed(0)} req/s`;
      console.log(`http ${settings.kind} ${pair.name}: ${ratio.text} (${unit})`);
    }

    if (settings.parts.includes("observability")) {
      const costs = await measureObservabilityCost({
        ...settings,
        pairs: httpPairs(data, () => etag),
        rounds: settings.observabilityRounds,
        roundMs: settings.observabilityRoundMs,
        warmUpSeconds: Math.max(1, Math.round(settings.durationSeconds / 4)),
      });
      for (const cost of costs) {
        const ratio = ratioOf(cost.label, cost.value, { atMost: 1.05 });
        ratios.push(ratio);
        problems.push(...cost.problems);
        console.log(`http ${settings.kind} ${cost.label}: ${ratio.text}, ${cost.detail}`);
      }
    }
    if (settings.parts.includes("js")) await firstLoadJs(settings.kind, app.url, signedIn, ratios);
    if (settings.parts.includes("burst")) {
      const burst = await runBurst(settings, app.url, data, problems);
      console.log(
        `http ${settings.kind} webhook burst: ${burst.recorded}/${burst.distinct} distinct events recorded once, ${burst.duplicates} duplicates, ${burst.ok}/${burst.total} answered 200`,
      );
    }
  } finally {
    forget();
    await app.stop();
  }
  return { kind: settings.kind, ratios, problems };
}

async function firstLoadJs(kind: string, url: string, signedIn: Record<string, string>, ratios: Ratio[]) {
  const bare = await measureFirstLoadJs(`${url}${BASELINE_PAGE}`, signedIn);
  const mine = await measureFirstLoadJs(`${url}/`, signedIn);
  const js = ratioOf("first-load JS", mine.gzipBytes / bare.gzipBytes, { atMost: 1.05 });
  ratios.push(js);
  const kB = (bytes: number) => (bytes / 1000).toFixed(1);
  console.log(
    `http ${kind} first-load JS dashboard vs bare page (gzip): ${js.text} (${kB(mine.gzipBytes)} kB in ${mine.files} files vs ${kB(bare.gzipBytes)} kB in ${bare.files}; apart: ${scriptsApart(mine, bare)})`,
  );
}
