// For callers that want a job's result now (an on-demand sweep) without giving up the queue's
// guarantees: the job runs on a worker, deduplicated by singletonKey across instances, and the
// caller waits for it, or joins the equivalent job already waiting or running.
import "server-only";
import { enqueue } from "./enqueue";
import { findJobs } from "./find-jobs";
import type { JobData, QueueName } from "./queues";

export interface RunJobAndWaitOptions {
  singletonKey: string;
  /** How long to wait before answering "still pending". */
  timeoutMs?: number;
  pollMs?: number;
}

export type JobRun =
  | { kind: "completed"; jobId: string; output: unknown }
  | { kind: "failed"; jobId: string }
  | { kind: "pending"; jobId: string | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runJobAndWait<Q extends QueueName>(
  queue: Q,
  data: JobData<Q>,
  options: RunJobAndWaitOptions,
): Promise<JobRun> {
  const { singletonKey, timeoutMs = 25_000, pollMs = 200 } = options;
  const deadline = Date.now() + timeoutMs;
  let jobId = await enqueue(queue, data, { singletonKey });
  if (!jobId) {
    // An equivalent job is already waiting or running: its answer is ours too, unless it is held
    // back (e.g. until a rate limit ends) past our deadline.
    const live = (await findJobs(queue, { key: singletonKey })).filter((job) =>
      ["created", "retry", "active"].includes(job.state),
    );
    const running = live.find((job) => job.state === "active");
    const next = running ?? live.find((job) => job.startAfter.getTime() <= deadline);
    if (!next) return { kind: "pending", jobId: live[0]?.id ?? null };
    jobId = next.id;
  }
  while (Date.now() < deadline) {
    const [job] = await findJobs(queue, { id: jobId });
    if (!job) return { kind: "failed", jobId };
    if (job.state === "completed") return { kind: "completed", jobId, output: job.output };
    if (job.state === "failed" || job.state === "cancelled") return { kind: "failed", jobId };
    await sleep(pollMs);
  }
  return { kind: "pending", jobId };
}
