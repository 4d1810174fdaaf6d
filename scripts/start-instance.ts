// npm run start:instance -- <port> [KEY=value …] – one more app instance beside a running `npm start`,
// sharing its database and stand-ins: shows (and tests) several instances on one database, and lets a
// second configuration (e.g. FINCH_CONNECT_FLOW=classic) run side by side.
import path from "node:path";
import { parseEnv } from "../lib/env";
import { LOCAL_PORTS, withLocalDefaults } from "./lib/local-env";
import { nextStartArgs } from "./lib/next-server";
import { assertPortFree, startChild, stopAll, waitForPort } from "./lib/processes";

const ROOT = path.resolve(__dirname, "..");

async function main() {
  const [portText, ...assignments] = process.argv.slice(2);
  const port = Number(portText);
  if (!Number.isInteger(port) || port <= 0)
    throw new Error("usage: npm run start:instance -- <port> [KEY=value …]");
  const overrides = Object.fromEntries(
    assignments.map((pair) => {
      const separator = pair.indexOf("=");
      if (separator <= 0) throw new Error(`expected KEY=value, got "${pair}"`);
      return [pair.slice(0, separator), pair.slice(separator + 1)];
    }),
  );
  console.log(`Waiting for the main instance on :${LOCAL_PORTS.app}…`);
  await waitForPort(LOCAL_PORTS.app, "localhost", 600_000);
  const appUrl = `http://localhost:${port}`;
  const env = {
    ...withLocalDefaults({ ...process.env, APP_URL: appUrl, NEXTAUTH_URL: appUrl }),
    DATABASE_URL:
      process.env.DATABASE_URL ||
      `postgresql://postgres:postgres@127.0.0.1:${LOCAL_PORTS.db}/postgres?sslmode=disable`,
    ...overrides,
  };
  parseEnv(env);
  await assertPortFree(port, "the extra instance", "its port argument");
  const app = startChild(`app:${port}`, process.execPath, nextStartArgs(port), {
    cwd: ROOT,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  app.once("exit", (code) => void stopAll().then(() => process.exit(code ?? 1)));
  await waitForPort(port, "localhost", 60_000);
  console.log(`Extra instance ready on ${appUrl}`);
}

process.on("SIGINT", () => void stopAll().then(() => process.exit(0)));
process.on("SIGTERM", () => void stopAll().then(() => process.exit(0)));
main().catch(async (error: unknown) => {
  console.error(`Cannot start the instance: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
});
