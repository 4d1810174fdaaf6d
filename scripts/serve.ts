// npm run serve – the production server from an existing build (`npm run build`): migrations unless
// MIGRATE_AT_START=false (one replica at a time), then the app. ROLE=web|worker|all (default all)
// says whether this process also runs the job workers. SIGTERM drains it (scripts/lib/graceful-shutdown.ts).
import fs from "node:fs";
import path from "node:path";
import { EnvError, parseEnv } from "../lib/env";
import { logInfo } from "../lib/log";
import { startAppServer } from "./lib/app-server";
import { handleShutdownSignals } from "./lib/graceful-shutdown";
import { migrateWithLock } from "./lib/migrate-with-lock";

const ROOT = path.resolve(__dirname, "..");

async function main() {
  const config = parseEnv(process.env);
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")))
    throw new Error("No build found: run `npm run build` first (npm run serve never builds).");
  if (config.MIGRATE_AT_START === "true") {
    await migrateWithLock(process.env, config.DATABASE_URL);
    logInfo("migrations applied");
  }
  const server = await startAppServer({ port: config.PORT, hostname: config.LISTEN_HOST });
  handleShutdownSignals(server, config.SHUTDOWN_GRACE_SECONDS);
  logInfo(`serving on ${config.LISTEN_HOST}:${config.PORT} (ROLE=${config.ROLE})`);
}

main().catch((error: unknown) => {
  console.error(
    `Cannot start: ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
