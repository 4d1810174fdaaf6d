// Server start-up on the Node runtime: refuse to serve without valid configuration, start tracing when
// configured, start this instance's background workers (unless ROLE=web), and register what SIGTERM
// stops (workers, then traces, then the API keys' unwritten counts, then the database pool; see
// lib/ops/lifecycle.ts).
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { env, EnvError, runsJobWorkers, type Env } from "@/lib/env";
import { onShutdown } from "@/lib/ops/lifecycle";

export async function registerNode(): Promise<void> {
  let config: Env;
  try {
    config = env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    // Next only logs a failing register(); a server without its secrets must not serve at all.
    console.error(`Cannot start: ${error.message}`);
    process.exit(1);
  }
  // Next skips register() during `next build`; checked again because a build must never connect
  // to a database or start polling.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  let stopTracing: (() => Promise<void>) | undefined;
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import("@/lib/observability/tracing");
    stopTracing = startTracing({
      endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
      serviceName: config.OTEL_SERVICE_NAME,
      protocol: config.OTEL_EXPORTER_OTLP_PROTOCOL,
      nextSpans: config.OTEL_NEXT_SPANS,
      exportDelayMs: config.OTEL_BSP_SCHEDULE_DELAY,
      sampler: { name: config.OTEL_TRACES_SAMPLER, ratio: config.OTEL_TRACES_SAMPLER_ARG },
    });
  }
  const { stopJobs } = await import("@/lib/jobs/job-engine");
  const { closeDb } = await import("@/lib/db");
  const { flushApiKeyUsage } = await import("@/lib/api-keys/api-key-usage");
  onShutdown("job workers", (deadline) => stopJobs(Math.max(1000, deadline - Date.now())));
  if (stopTracing) onShutdown("traces", stopTracing);
  onShutdown("API key usage", flushApiKeyUsage);
  onShutdown("database pool", closeDb);
  if (!runsJobWorkers(config)) return;
  const { startJobWorkers } = await import("@/lib/startup/start-job-workers");
  await startJobWorkers();
}
