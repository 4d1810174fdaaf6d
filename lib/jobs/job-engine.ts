// The job engine: pg-boss in the app's own PostgreSQL (or the embedded PGlite server), so every
// instance shares one set of queues and a job runs once however many instances there are.
import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logError, logInfo } from "@/lib/log";
import { queueNames, queues } from "./queues";
import { carryOverRetiredJobs, setAsideNewerJobSchema } from "./retire-newer-job-schema";

/** The schema pg-boss keeps its tables in (created on first start); find-jobs.ts reads it too. */
export const JOB_SCHEMA = "pgboss";

// Cached on globalThis: instrumentation and route handlers are separate bundles in one process.
const globalForJobs = globalThis as unknown as { jobEngine?: Promise<PgBoss> };

async function startEngine(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    // PGlite runs one statement at a time whatever the pool size; a small pool also leaves
    // room for Prisma's connections on a managed PostgreSQL.
    max: 4,
    application_name: "finch-reconnect-jobs",
    schema: JOB_SCHEMA,
  });
  // pg-boss 10 reports its rare warnings (clock skew) through process.emitWarning, which Node prints.
  boss.on("error", (error) => logError("job engine", error));
  const retired = await setAsideNewerJobSchema(JOB_SCHEMA);
  if (retired) logInfo(`job engine: set aside the newer pg-boss schema as ${retired}`);
  await boss.start();
  // createQueue is a no-op for a queue that exists, so every instance may run it on start.
  for (const name of queueNames) await boss.createQueue(name, { name, ...queues[name].options });
  const moved = await carryOverRetiredJobs(boss, JOB_SCHEMA);
  if (moved > 0) logInfo(`job engine: carried ${moved} unfinished jobs over from the set-aside schema`);
  return boss;
}

/** The started engine, for enqueueing (see enqueue.ts) and for the workers; started on first use. */
export function jobs(): Promise<PgBoss> {
  globalForJobs.jobEngine ??= startEngine().catch((error: unknown) => {
    globalForJobs.jobEngine = undefined; // let the next caller try again
    throw error;
  });
  return globalForJobs.jobEngine;
}

/** Stops workers and polling, letting running jobs finish within `timeoutMs` (tests, scripts, shutdown). */
export async function stopJobs(timeoutMs = 10_000): Promise<void> {
  const engine = globalForJobs.jobEngine;
  globalForJobs.jobEngine = undefined;
  if (!engine) return;
  const boss = await engine.catch(() => null);
  await boss?.stop({ graceful: true, timeout: timeoutMs });
}
