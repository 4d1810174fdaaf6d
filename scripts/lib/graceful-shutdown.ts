// SIGTERM (and SIGINT) for npm run serve and npm run worker: readiness turns 503 at once, in-flight
// requests finish, job workers stop taking jobs and finish theirs, pools close, all within
// SHUTDOWN_GRACE_SECONDS; exit 0 when everything stopped in time, 1 otherwise.
import type http from "node:http";
import { logError, logInfo } from "../../lib/log";
import { beginShutdown, runShutdownHooks } from "../../lib/ops/lifecycle";
import { drainServer } from "./app-server";

export function handleShutdownSignals(server: http.Server, graceSeconds: number): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const deadline = Date.now() + graceSeconds * 1000;
    beginShutdown();
    logInfo(`${signal}: shutting down (readiness now 503, ${graceSeconds} s to finish)`);
    const drained = await drainServer(server, deadline);
    const failed = await runShutdownHooks(deadline);
    if (drained === "late") failed.unshift("http requests (late)");
    if (failed.length > 0) logError(`shutdown: not finished in time: ${failed.join(", ")}`);
    else logInfo("shutdown complete");
    process.exit(failed.length > 0 ? 1 : 0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
