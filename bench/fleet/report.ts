// The fleet benchmark's verdict: the lines it prints and whether every goal of issue 24 is met.
import type { RequestLogSummary } from "@/emulators/finch/request-log/request-log";
import type { ClickStats } from "./customers";
import type { FleetJudgement } from "./judge-fleet";
import { percentile } from "./judge-fleet";

export interface FleetRun {
  connections: number;
  instances: number;
  windowMinutes: number;
  scale: number;
  idealSeconds: number;
  tolerance: number;
  log: RequestLogSummary;
  ip: { finchLimit: number; budget: number };
  products: { product: string; limit: number; budget: number }[];
  judgement: FleetJudgement;
  clicks: ClickStats;
  /** Interactive permits refused by the budget, and the seconds interactive calls waited for permits. */
  permits: { refused: number; waitSeconds: number };
  rssMaxMb: number[];
}

export function reportFleet(run: FleetRun): { lines: string[]; met: boolean } {
  const { log, judgement, clicks } = run;
  const refused429 = log.refused.finch_api_ip_rl + log.refused.finch_application_rl;
  const productPeaks = run.products.map((p) => ({
    ...p,
    peak: log.peaks.products.find((x) => x.product === p.product)?.peak ?? 0,
  }));
  const worst = [...productPeaks].sort((a, b) => b.peak / b.limit - a.peak / a.limit)[0];
  const p95 = percentile(clicks.latencies, 0.95);
  const totalSeconds = clicks.latencies.reduce((sum, ms) => sum + ms, 0) / 1000;
  const waitShare = totalSeconds > 0 ? run.permits.waitSeconds / totalSeconds : 0;
  const refused = clicks.refused + run.permits.refused;
  const rssMax = Math.max(0, ...run.rssMaxMb);
  const maxRecheck = judgement.maxIntervalMs / 1000;
  const goals: [string, boolean][] = [
    ["N ≥ 100,000 and I ≥ 3", run.connections >= 100_000 && run.instances >= 3],
    ["0 × 429", refused429 === 0],
    ["0 refused, 0 failed", refused === 0 && clicks.failed === 0],
    ["ip peak ≤ budget", log.peaks.ip.peak <= run.ip.budget],
    ["product peaks ≤ budget", productPeaks.every((p) => p.peak <= p.budget)],
    [
      `max re-check ≤ ${run.tolerance} × ideal`,
      maxRecheck <= run.tolerance * run.idealSeconds && judgement.lateUnchecked === 0,
    ],
    ["interactive p95 ≤ 1,000 ms", clicks.latencies.length > 0 && p95 <= 1000],
    ["every instance's RSS ≤ 400 MB", rssMax <= 400],
  ];
  const lines = [
    `fleet benchmark: ${run.connections} connections, ${run.instances} instances (next start + workers), Finch windows ×${run.scale} (IP window ${log.peaks.ip.windowMs / 1000} s, product ${log.peaks.products[0]?.windowMs ?? 0} ms), ideal re-check ${run.idealSeconds.toFixed(0)} s`,
    `  stand-in saw ${log.calls} calls: ${Object.entries(log.byPath)
      .map(([path, n]) => `${path} ${n}`)
      .join(", ")}; 429s ip ${log.refused.finch_api_ip_rl}, product ${log.refused.finch_application_rl}`,
    `  re-checks: ${judgement.judged} connections due in the window, ${judgement.checks} checks, p99 ${(judgement.p99IntervalMs / 1000).toFixed(0)} s, max ${maxRecheck.toFixed(0)} s, unchecked at the end ${judgement.uncheckedDue} (${judgement.lateUnchecked} past ${run.tolerance} × ideal)`,
    `  product peaks: ${productPeaks.map((p) => `${p.product} ${p.peak}/${p.limit} (budget ${p.budget})`).join(", ")}`,
    `  customers: ${clicks.latencies.length} requests (check ${clicks.ok.check}, sync ${clicks.ok.sync}, reconnect ${clicks.ok.reconnect} ok), p50 ${percentile(clicks.latencies, 0.5).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, ${(waitShare * 100).toFixed(1)}% of their time waiting for permits; refused ${clicks.refused} + ${run.permits.refused} permits, failed ${clicks.failed}`,
    `  customers by request: ${Object.entries(clicks.byRequest)
      .map(
        ([k, ms]) =>
          `${k} ${ms.length}× p50 ${percentile(ms, 0.5).toFixed(0)} p95 ${percentile(ms, 0.95).toFixed(0)} max ${Math.max(...ms).toFixed(0)} ms`,
      )
      .join(", ")}`,
    ...clicks.failures.map((f) => `    ${f}`),
    `  rss max per instance: ${run.rssMaxMb.map((mb) => mb.toFixed(0)).join(", ")} MB`,
    `  goals: ${goals.map(([name, ok]) => `${name} ${ok ? "met" : "MISSED"}`).join("; ")}`,
    `fleet: ${run.connections} connections, ${run.instances} instances, window ${run.windowMinutes} min (Finch windows ×${run.scale}), 429s ${refused429}, ip peak ${log.peaks.ip.peak}/${run.ip.finchLimit} (budget ${run.ip.budget}), product peak ${worst?.peak ?? 0}/${worst?.limit ?? 0}, max recheck ${maxRecheck.toFixed(0)} s (ideal ${run.idealSeconds.toFixed(0)} s), interactive p95 ${p95.toFixed(0)} ms, refused ${refused}, rss max ${rssMax.toFixed(0)} MB`,
  ];
  return { lines, met: goals.every(([, ok]) => ok) };
}
