// Loaded into the benchmark's one server (`node --import` before `next start`, bench/http/measure-observability.ts)
// to switch tracing on and off between rounds in that one process, as the product itself cannot: the server
// starts with tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, and an "off" round takes it out of withSpan's
// reach, exactly as a server without an endpoint runs (lib/observability/tracing.ts keeps it on globalThis).
// A loopback listener on a free port (written to the file BENCH_SWITCH_FILE names) takes the benchmark's
// calls, and each answers with the process's CPU time so far in microseconds (process.cpuUsage, read after
// the call's own work) and its major garbage collections so far, as JSON `{ "cpuMicros", "majorGcs" }`:
//   POST /start/off, /start/on   a round begins: tracing switched off or on for it;
//   POST /end                    the round ends: its spans exported first (when tracing is on), so their
//                                encoding and sending count on that round's side.
// With BENCH_ROUNDS_FILE set, each round is also appended to that file as a JSON line
// `{ "side", "startUs", "endUs" }` on the monotonic clock V8's CPU profiles use, so that a profile of the
// server (BENCH_CPU_PROF_DIR) can be split by side (bench/observability/split-profile.ts).
import fs from "node:fs";
import http from "node:http";
import { PerformanceObserver, constants } from "node:perf_hooks";

const holder = globalThis;
const tracingConfigured = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
let held;
const roundsFile = process.env.BENCH_ROUNDS_FILE;
let round;

let majorGcs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorGcs++;
}).observe({ entryTypes: ["gc"] });

/** Microseconds on the monotonic clock (CLOCK_MONOTONIC, as V8's profiler timestamps its samples). */
function nowUs() {
  return Number(process.hrtime.bigint() / 1000n);
}

function state() {
  const { user, system } = process.cpuUsage();
  return JSON.stringify({ cpuMicros: user + system, majorGcs });
}

function tracing() {
  held ??= holder.payrollTracing;
  if (!held) throw new Error("tracing has not started in this server");
  return held;
}

async function handle(path) {
  if (path === "/start/on" || path === "/start/off") {
    if (roundsFile) round = { side: path.slice("/start/".length), startUs: nowUs() };
    if (tracingConfigured) {
      const started = tracing();
      holder.payrollTracing = path === "/start/on" ? started : undefined;
    }
  } else if (path === "/end") {
    if (tracingConfigured && holder.payrollTracing) await tracing().provider.forceFlush();
    if (roundsFile && round)
      fs.appendFileSync(roundsFile, `${JSON.stringify({ ...round, endUs: nowUs() })}\n`);
  } else throw new Error(`no such call: ${path}`);
}

const server = http.createServer((request, response) => {
  handle(new URL(request.url ?? "/", "http://127.0.0.1").pathname).then(
    () => response.writeHead(200, { "content-type": "application/json" }).end(state()),
    (error) => response.writeHead(409, { "content-type": "text/plain" }).end(String(error.message)),
  );
});
server.listen(0, "127.0.0.1", () =>
  fs.writeFileSync(process.env.BENCH_SWITCH_FILE, String(server.address().port)),
);
server.unref();
