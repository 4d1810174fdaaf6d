// Registers this instance's workers and the recurring schedules. Called once per server process from
// instrumentation.ts; pg-boss hands each job to exactly one worker across all instances.
import "server-only";
import type PgBoss from "pg-boss";
import { alertOutbox } from "@/lib/alerts/alert-outbox";
import { env } from "@/lib/env";
import { hostEventOutbox } from "@/lib/host-events/host-event-outbox";
import { runCompanySyncJob } from "@/lib/finch/company-sync-job";
import { relayImports } from "@/lib/imports/relay-imports";
import { runImportJob } from "@/lib/imports/run-import-job";
import { runSweepBatch } from "@/lib/sweep/run-sweep-batch";
import { runSweepJob } from "@/lib/sweep/run-sweep-job";
import { scheduleDueSweeps } from "@/lib/sweep/schedule-due-sweeps";
import { emailOutbox } from "@/lib/notifications/email-outbox";
import { queueDueReminders } from "@/lib/notifications/queue-due-reminders";
import { relayOutboxesAfterOutages } from "@/lib/outages/release-held-emails";
import { relayOutboxes } from "@/lib/outbox/relay-outbox";
import { runOutboxJob } from "@/lib/outbox/run-outbox-job";
import { jobs } from "@/lib/jobs/job-engine";
import { queues, type JobData, type QueueName } from "@/lib/jobs/queues";
import { instrumentJob } from "@/lib/observability/job-instrumentation";

type Handler<Q extends QueueName> = (data: JobData<Q>) => Promise<object | void>;

// Handlers must be idempotent: a job whose instance died mid-way runs again after it expires.
const handlers: { [Q in QueueName]: Handler<Q> } = {
  "connections-sweep": (data) => runSweepJob(data),
  "sweep-schedule": () => scheduleDueSweeps({ chain: true }),
  "sweep-batch": (data) => runSweepBatch(data),
  "company-sync": (data) => runCompanySyncJob(data),
  "connection-import": (data) => runImportJob(data),
  "connection-import-relay": () => relayImports(),
  "email-send": (data) => runOutboxJob(emailOutbox, data),
  "alert-send": (data) => runOutboxJob(alertOutbox, data),
  "host-event-send": (data) => runOutboxJob(hostEventOutbox, data),
  "email-outbox-relay": () => relayOutboxesAfterOutages(),
  // Reminders write email and alert rows; the relay hands them to their send jobs right away.
  "email-reminders": async () => ({ queued: await queueDueReminders(), relayed: await relayOutboxes() }),
};

/** Registers the queue's workers (its localConcurrency) and returns their ids. */
async function registerWorkers<Q extends QueueName>(boss: PgBoss, queue: Q): Promise<string[]> {
  const { schema, localConcurrency } = queues[queue];
  const run = async ([job]: PgBoss.Job<object>[]) =>
    // Validated here too: the payload crossed the database, and an older release may have written it.
    instrumentJob(queue, job.id, () => handlers[queue](schema.parse(job.data) as JobData<Q>));
  // Each worker takes one job per fetch and polls every second: queued work (e.g. an on-demand sweep
  // someone waits on) starts quickly, and a long job never holds back the others fetched with it.
  const options = { batchSize: 1, pollingIntervalSeconds: 1 };
  return Promise.all(Array.from({ length: localConcurrency }, () => boss.work(queue, options, run)));
}

type WorkerIds = Record<QueueName, string[]>;

async function startWorkers(boss: PgBoss): Promise<WorkerIds> {
  const workers = {} as WorkerIds;
  for (const queue of Object.keys(handlers) as QueueName[])
    workers[queue] = await registerWorkers(boss, queue);
  // schedule() is an upsert on one row, so every instance may declare it; pg-boss's cron monitor
  // sends each occurrence once cluster-wide.
  // The continuous sweep chains its own ticks (SWEEP_TICK_SECONDS); the cron restarts a broken chain.
  await boss.unschedule("connections-sweep").catch(() => undefined); // the old every-15-minutes sweep
  if (env().SWEEP_CONTINUOUS === "on") {
    await boss.schedule("sweep-schedule", "* * * * *", {}, { singletonKey: "sweep-schedule" });
    await boss.send("sweep-schedule", {}, { singletonKey: "sweep-schedule" });
  } else {
    await boss.unschedule("sweep-schedule").catch(() => undefined);
  }
  await boss.schedule("email-reminders", env().REMINDER_CRON, {}, { singletonKey: "email-reminders" });
  await boss.schedule("email-outbox-relay", "* * * * *", {}, { singletonKey: "email-outbox-relay" });
  await boss.schedule(
    "connection-import-relay",
    "* * * * *",
    {},
    { singletonKey: "connection-import-relay" },
  );
  return workers;
}

// Keyed by engine, so a stopped and restarted engine (tests, scripts) gets its workers again.
const globalForWorkers = globalThis as unknown as { jobWorkers?: WeakMap<PgBoss, Promise<WorkerIds>> };

function registration(boss: PgBoss): Promise<WorkerIds> {
  const registrations = (globalForWorkers.jobWorkers ??= new WeakMap());
  let registered = registrations.get(boss);
  if (!registered) {
    registered = startWorkers(boss);
    registrations.set(boss, registered);
  }
  return registered;
}

/** Safe to call more than once per process: workers are registered once per engine. */
export async function startJobWorkers(): Promise<void> {
  await registration(await jobs());
}

/** The ids of this process's workers for one queue (starting them if need be). */
export async function jobWorkerIds(queue: QueueName): Promise<string[]> {
  return (await registration(await jobs()))[queue];
}
