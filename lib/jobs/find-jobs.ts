// A queue's jobs by id or by singletonKey, read from pg-boss's own table: what a caller waiting on a
// job (run-job-and-wait.ts) and the tests need to see, which pg-boss 10's API offers by id only.
import "server-only";
import { JOB_SCHEMA, jobs } from "./job-engine";
import type { QueueName } from "./queues";

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

export interface StoredJob {
  id: string;
  state: JobState;
  singletonKey: string | null;
  data: unknown;
  /** When the job may run (a retry's backoff or an enqueue's startAfter moves it). */
  startAfter: Date;
  /** What the handler returned once completed, or the error once failed. */
  output: unknown;
}

export type FindJobsFilter = { id: string } | { key: string };

/** The queue's jobs matching the filter, oldest first. Finished jobs stay in this table for 12 hours. */
export function findJobsSql(queue: QueueName, filter: FindJobsFilter): { text: string; values: string[] } {
  const [match, value] = "id" in filter ? ["id = $2::uuid", filter.id] : ["singleton_key = $2", filter.key];
  return {
    text: `SELECT id, state::text AS state, singleton_key AS "singletonKey", data, start_after AS "startAfter", output
      FROM ${JOB_SCHEMA}.job WHERE name = $1 AND ${match} ORDER BY created_on, id`,
    values: [queue, value],
  };
}

export async function findJobs(queue: QueueName, filter: FindJobsFilter): Promise<StoredJob[]> {
  const { text, values } = findJobsSql(queue, filter);
  const { rows } = await (await jobs()).getDb().executeSql(text, values);
  return rows as StoredJob[];
}
