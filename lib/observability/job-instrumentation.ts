// Every job runs with its id in the log lines, inside a span (the sweep batch and each outbox delivery
// get their own names), and a handler that throws counts in jobs_failed_total{queue}.
import type { Attributes } from "@opentelemetry/api";
import { withLogContext } from "@/lib/log";
import { metrics } from "./metrics";
import { withSpan } from "./tracing";

const SPAN_NAMES: Record<string, [string, Attributes]> = {
  "sweep-batch": ["sweep.batch", {}],
  "email-send": ["outbox.delivery", { "outbox.channel": "email" }],
  "alert-send": ["outbox.delivery", { "outbox.channel": "alert" }],
  "host-event-send": ["outbox.delivery", { "outbox.channel": "host" }],
};

export async function instrumentJob<T>(queue: string, jobId: string, run: () => Promise<T>): Promise<T> {
  const [name, attributes] = SPAN_NAMES[queue] ?? [`job ${queue}`, {}];
  return withLogContext({ jobId, queue }, () =>
    withSpan(name, { ...attributes, "job.queue": queue, "job.id": jobId }, async () => {
      try {
        return await run();
      } catch (error) {
        metrics().jobsFailed.inc({ queue });
        throw error;
      }
    }),
  );
}
