// What one span costs in CPU (process.cpuUsage, so other load on the machine disturbs it little): N
// webhook-like spans per mode, each mode in a fresh process, the modes interleaved over the repetitions,
// against a local OTLP/HTTP receiver in a process of its own. Modes, each adding to the one before:
//   off         withSpan with tracing off (the baseline: the loop, the log scope, the pacing)
//   wrap        withSpan's steps as first written (two contexts, the log scope), around a bare span
//   span        the SDK's span start and end (NodeSDK as startTracing builds it, a no-op processor)
//   batch       + the BatchSpanProcessor, an exporter that drops each batch
//   json|proto  + the OTLP encoding of each batch (JSON or protobuf), not sent
//   json-http|proto-http  + the OTLP/HTTP exporter sending it to the receiver
//   real        startTracing and withSpan themselves (lib/observability/tracing.ts)
// Usage: npx tsx bench/observability/span-cost.ts [--spans=20000] [--reps=5] [--modes=off,real,...]
// OTEL_BSP_* variables reach every mode; SPANS_PER_SECOND paces the spans (10,000 by default).
import { median, rangeText } from "../stats";
import { runScript } from "./run-script";

const ALL_MODES = ["off", "wrap", "span", "batch", "json", "proto", "json-http", "proto-http", "real"];

function option(name: string, fallback: string): string {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return given ? given.slice(name.length + 3) : fallback;
}

function startReceiver(): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve) => {
    const { child } = runScript("otlp-sink.ts", [], (url) =>
      resolve({ url, stop: () => child.kill("SIGTERM") }),
    );
  });
}

async function main(): Promise<void> {
  const spans = option("spans", "20000");
  const reps = Number(option("reps", "5"));
  const modes = option("modes", ALL_MODES.join(",")).split(",");
  const receiver = await startReceiver();
  const results = new Map<string, number[]>(modes.map((mode) => [mode, []]));
  try {
    for (let rep = 0; rep < reps; rep++) {
      // A different mode first in each repetition, so none always meets the same moment of load.
      const order = modes.map((_, i) => modes[(i + rep) % modes.length]);
      for (const mode of order) {
        const out = await runScript("span-cost-run.ts", [mode, receiver.url, spans]).done;
        const { usPerSpan } = JSON.parse(out.trim().split("\n").pop() ?? "{}") as { usPerSpan: number };
        results.get(mode)?.push(usPerSpan);
      }
    }
  } finally {
    receiver.stop();
  }
  const off = median(results.get("off") ?? [0]);
  console.log(`CPU µs per span, ${spans} spans a run, ${reps} runs (median; min-max; median minus off)`);
  for (const [mode, values] of results) {
    const cost = median(values);
    console.log(
      `${mode.padEnd(11)} ${cost.toFixed(2).padStart(7)}  (${rangeText(values)})  ${(cost - off).toFixed(2).padStart(7)}`,
    );
  }
}

void main();
