// Runs once when a server instance starts: refuse to serve with missing or malformed configuration,
// then start this instance's background workers (sweep schedule, queued jobs).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const config = env();
  // Next skips register() during `next build` itself; checked again because a build must never
  // connect to a database or start polling.
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD || config.JOB_WORKERS === "off") return;
  const { startJobWorkers } = await import("@/lib/jobs/start-job-workers");
  await startJobWorkers();
}
