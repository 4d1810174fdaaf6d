// Server start-up on the Node runtime: refuse to serve without valid configuration, then start this
// instance's background workers (sweep schedule, queued jobs).
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { env, EnvError, type Env } from "@/lib/env";

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
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD || config.JOB_WORKERS === "off") return;
  const { startJobWorkers } = await import("@/lib/startup/start-job-workers");
  await startJobWorkers();
}
