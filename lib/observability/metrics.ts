// The process's Prometheus registry (prom-client) and the counters the app increments as things happen.
// Cached on globalThis: instrumentation, route handlers and job workers are separate bundles in one process.
import { Counter, Registry, collectDefaultMetrics } from "prom-client";

export const METRIC_PREFIX = "payroll_connections_";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
    new Counter<L>({ name: METRIC_PREFIX + name, help, labelNames, registers: [registry] });
  return {
    registry,
    finchRequests: counter("finch_requests_total", "HTTP requests sent to Finch, by endpoint and status", [
      "endpoint",
      "status",
    ]),
    finchRateLimited: counter("finch_rate_limited_total", "Finch answers of 429 (rate limited)", []),
    // Together: how long calls of each priority waited for their permit on average, and how many the
    // budget refused (an interactive refusal is a customer told to try again).
    finchPermits: counter("finch_permits_total", "Finch call permits asked for, by priority and outcome", [
      "priority",
      "outcome",
    ]),
    finchPermitWait: counter(
      "finch_permit_wait_seconds_total",
      "Seconds Finch calls waited for their permit, by priority",
      ["priority"],
    ),
    webhooksReceived: counter("webhooks_received_total", "Finch webhooks received, by outcome", ["outcome"]),
    jobsFailed: counter("jobs_failed_total", "Jobs whose handler threw, by queue", ["queue"]),
  };
}

export type AppMetrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { payrollMetrics?: AppMetrics };

export function metrics(): AppMetrics {
  return (globalForMetrics.payrollMetrics ??= createMetrics());
}

/**
 * A Finch path as a label: ids (anything with a digit, or long) become `:id`, so the label set stays
 * small whatever the fleet's size (`/employer/individual/abc123` → `/employer/individual/:id`).
 */
export function finchEndpointLabel(pathname: string): string {
  return pathname
    .split("/")
    .map((part) => (/\d/.test(part) || part.length > 32 ? ":id" : part))
    .join("/");
}

/** The outcome label of a webhook answer: rejected (4xx), duplicate, ignored or applied. */
export function webhookOutcome(answer: { status: number; body: Record<string, unknown> }): string {
  if (answer.status >= 400) return "rejected";
  if (answer.body.duplicate) return "duplicate";
  if (answer.body.ignored) return "ignored";
  return "applied";
}
