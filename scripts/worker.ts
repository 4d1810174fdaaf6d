// npm run worker – the job workers only (ROLE=worker), with a small health listener on
// WORKER_HEALTH_PORT answering /api/health, /api/ready and /api/metrics. It never migrates: the web
// replicas do (npm run serve). SIGTERM: workers stop taking jobs and finish theirs within the grace.
import { EnvError, parseEnv } from "../lib/env";
import { logInfo } from "../lib/log";
import { startAppServer } from "./lib/app-server";
import { handleShutdownSignals } from "./lib/graceful-shutdown";

const HEALTH_PATHS = ["/api/health", "/api/ready", "/api/metrics"];

async function main() {
  // Before anything reads the configuration: this process is a worker whatever ROLE the environment says.
  process.env.ROLE = "worker";
  process.env.JOB_WORKERS = "on";
  const config = parseEnv(process.env);
  const server = await startAppServer({
    port: config.WORKER_HEALTH_PORT,
    hostname: config.LISTEN_HOST,
    onlyPaths: HEALTH_PATHS,
  });
  handleShutdownSignals(server, config.SHUTDOWN_GRACE_SECONDS);
  logInfo(`job workers running; health on ${config.LISTEN_HOST}:${config.WORKER_HEALTH_PORT}`);
}

main().catch((error: unknown) => {
  console.error(
    `Cannot start the worker: ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
