// Every background queue, its payload schema and its pg-boss options in one place. To add a queue,
// add an entry here and its handler in lib/startup/start-job-workers.ts; enqueue() and the workers are typed from it.
import type PgBoss from "pg-boss";
import { z } from "zod";

export const sweepJobSchema = z.object({
  /** One organization's connections; absent means every organization. */
  organizationId: z.string().min(1).max(64).optional(),
  /** Only these connections: what was left over when Finch rate-limited an earlier sweep. */
  connectionIds: z.array(z.string().min(1).max(64)).max(100_000).optional(),
});

export type SweepJobData = z.infer<typeof sweepJobSchema>;

/** A batch of due connections the sweep scheduler handed out (schedule-due-sweeps.ts). */
export const sweepBatchJobSchema = z.object({
  connectionIds: z.array(z.string().min(1).max(64)).min(1).max(200),
});

/** A connection's company data to fetch again: a sync right after connecting that Finch or the budget refused. */
export const companySyncJobSchema = z.object({
  connectionId: z.string().min(1).max(64),
  organizationId: z.string().min(1).max(64),
});

/** An outbox row to deliver (an email, a Slack or webhook alert, an event to the host). */
export const outboxSendJobSchema = z.object({ outboxId: z.string().min(1).max(64) });

/** A bulk import to work through (lib/imports): its items carry everything else. */
export const connectionImportJobSchema = z.object({ importId: z.string().min(1).max(64) });

/** Scheduled scans (email-outbox-relay, email-reminders) carry nothing. */
const scheduledJobSchema = z.object({});

interface QueueDefinition {
  schema: z.ZodType<object>;
  options: Omit<PgBoss.Queue, "name">;
  /** Jobs one instance runs at once for this queue: as many workers, each taking one job at a time. */
  localConcurrency: number;
}

/** Each outbox's send queue (lib/outbox/outboxes.ts): one job per row, the row id as payload. */
const outboxSendQueue = {
  schema: outboxSendJobSchema,
  options: { policy: "stately", retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  localConcurrency: 4,
} satisfies QueueDefinition;

/**
 * A scan started every minute (the sweep's scheduler tick, the outboxes' and the imports' safety nets):
 * one at a time cluster-wide and never retried, as the next run does the same work.
 */
const scheduledScanQueue = {
  schema: scheduledJobSchema,
  options: { policy: "stately", retryLimit: 0, expireInSeconds: 120 },
  localConcurrency: 1,
} satisfies QueueDefinition;

export const queues = {
  "connections-sweep": {
    schema: sweepJobSchema,
    // stately: per singletonKey (the sweep's scope) at most one job waiting and one running, across
    // every instance, so two instances never sweep the same scope at the same time.
    options: {
      policy: "stately",
      retryLimit: 2,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 30 * 60,
    },
    // Two, so an on-demand sweep of one organization never waits behind a long sweep of all of them.
    localConcurrency: 2,
  },
  // The continuous sweep: one scheduler tick at a time cluster-wide (it queues its own next tick; a
  // cron every minute restarts the chain if it ever breaks), and batches every instance drains.
  "sweep-schedule": scheduledScanQueue,
  "sweep-batch": {
    schema: sweepBatchJobSchema,
    // Workers wait for background permits inside the job, hence the long expiry. A lost batch is
    // not lost work: its connections become due again when their lease ends.
    options: { policy: "standard", retryLimit: 1, retryDelay: 30, expireInSeconds: 15 * 60 },
    localConcurrency: 4,
  },
  "company-sync": {
    schema: companySyncJobSchema,
    // One waiting and one running per connection (singletonKey = connection id). A refusal that is
    // worth retrying throws, and pg-boss tries again later: 30 s, then doubling, about an hour in all.
    options: {
      policy: "stately",
      retryLimit: 7,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 5 * 60,
    },
    localConcurrency: 2,
  },
  // One job per outbox row (singletonKey = row id): stately lets a running send queue its own retry,
  // and never runs two sends of one row at once. Remote errors are retried by the outbox's own backoff;
  // pg-boss's retries only cover a worker that crashed or could not reach the database.
  "email-send": outboxSendQueue,
  "alert-send": outboxSendQueue,
  "host-event-send": outboxSendQueue,
  // The safety net: re-dispatches due outbox rows (emails and alerts) whose job was lost (a crash after commit).
  "email-outbox-relay": scheduledScanQueue,
  // A bulk import: one job per import at a time (singletonKey = import id) works a slice of its items
  // for at most a few minutes and queues its own continuation. Items are leased, so a killed worker's
  // items are taken again once their lease passes, and none is worked twice at once.
  "connection-import": {
    schema: connectionImportJobSchema,
    options: {
      policy: "stately",
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 15 * 60,
    },
    localConcurrency: 2,
  },
  // The safety net: every minute, re-queues each unfinished import whose job was lost.
  "connection-import-relay": scheduledScanQueue,
  "email-reminders": {
    schema: scheduledJobSchema,
    options: { policy: "stately", retryLimit: 1, retryDelay: 60, expireInSeconds: 10 * 60 },
    localConcurrency: 1,
  },
} satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof queues;
export type JobData<Q extends QueueName> = z.infer<(typeof queues)[Q]["schema"]>;

export const queueNames = Object.keys(queues) as QueueName[];

/** The singletonKey naming a sweep's scope. */
export function sweepScopeKey(organizationId?: string): string {
  return organizationId ? `org:${organizationId}` : "all";
}
