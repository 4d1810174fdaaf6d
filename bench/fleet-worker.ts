// One app instance of the fleet benchmark: runs the job workers (the continuous sweep's scheduler and
// batch workers) against the shared database until told to stop. Its configuration comes from the
// environment the benchmark gives it, exactly as an instance of the product reads it.
import { startJobWorkers } from "@/lib/startup/start-job-workers";
import { stopJobs } from "@/lib/jobs/job-engine";
import { db } from "@/lib/db";

async function main() {
  await startJobWorkers();
  process.stdout.write("fleet-worker ready\n");
  const stop = async () => {
    await stopJobs();
    await db().$disconnect();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
