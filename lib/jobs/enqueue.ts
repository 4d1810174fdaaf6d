// The one way features put work on a queue. Payloads are validated before they reach the database,
// and a singletonKey makes a job unique per key across every instance (see the queue's policy).
import "server-only";
import type { Tx } from "@/lib/db";
import { jobs } from "./job-engine";
import { prismaJobDb } from "./prisma-job-db";
import { queues, type JobData, type QueueName } from "./queues";

export interface EnqueueOptions {
  /** Jobs sharing a key are deduplicated by the queue's policy (e.g. one waiting, one running). */
  singletonKey?: string;
  /** Run no earlier than this: seconds from now, or a date. */
  startAfter?: number | Date;
  retryLimit?: number;
  /** Enqueue inside this Prisma transaction, so the job exists only if the transaction commits (outbox). */
  tx?: Tx;
}

/** Returns the job id, or null when an equivalent job (same singletonKey) is already waiting. */
export async function enqueue<Q extends QueueName>(
  queue: Q,
  data: JobData<Q>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const payload = queues[queue].schema.parse(data);
  const { tx, singletonKey, startAfter, retryLimit } = options;
  const boss = await jobs();
  return boss.send(queue, payload, {
    ...(singletonKey !== undefined && { singletonKey }),
    ...(startAfter !== undefined && { startAfter }),
    ...(retryLimit !== undefined && { retryLimit }),
    ...(tx && { db: prismaJobDb(tx) }),
  });
}
