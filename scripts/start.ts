// npm start – runs the whole product: embedded database and stand-ins unless configured otherwise,
// migrations, a build when sources changed, and the app. Ctrl-C stops everything.
import fs from "node:fs";
import path from "node:path";
import { parseEnv, EnvError } from "../lib/env";
import { buildIfNeeded, generatePrismaClient, migrate } from "./lib/build";
import { startEmbeddedDb } from "./lib/embedded-db";
import { DATA_DIR, LOCAL_PORTS, withLocalDefaults } from "./lib/local-env";
import { nextStartArgs } from "./lib/next-server";
import { assertPortFree, startChild, stopAll, waitForPort } from "./lib/processes";

const ROOT = path.resolve(__dirname, "..");

async function main() {
  if (fs.existsSync(path.join(ROOT, ".env"))) process.loadEnvFile(path.join(ROOT, ".env"));
  const production = process.env.NODE_ENV === "production";
  const configured = { ...process.env };
  // Logs are human-readable here; `npm run serve` writes one JSON object a line.
  let env: NodeJS.ProcessEnv = {
    LOG_FORMAT: "pretty",
    ...(production ? configured : withLocalDefaults(configured)),
  };
  const urls: [string, string][] = [];
  if (production) parseEnv(env); // refuse to start on a missing or malformed variable, naming it
  // The build needs neither the stand-ins nor the database: it runs while they start and migrate.
  await generatePrismaClient(env);
  const built = buildIfNeeded(env);
  built.catch(() => undefined); // awaited below; a failure stops the start there

  if (!production) {
    // The hooks inbox has no production counterpart to point at: locally it always runs.
    const stubs = [
      !configured.FINCH_BASE_URL && "finch",
      !configured.RESEND_BASE_URL && "resend",
      "hooks",
    ].filter(Boolean);
    if (stubs.length > 0) {
      if (stubs.includes("finch"))
        await assertPortFree(LOCAL_PORTS.finch, "the Finch stand-in", "FINCH_EMULATOR_PORT");
      if (stubs.includes("resend"))
        await assertPortFree(LOCAL_PORTS.resend, "the Resend stand-in", "RESEND_EMULATOR_PORT");
      await assertPortFree(LOCAL_PORTS.hooks, "the hooks stand-in", "HOOKS_EMULATOR_PORT");
      startChild("stand-ins", process.execPath, ["--import", "tsx", path.join(ROOT, "emulators", "run.ts")], {
        cwd: ROOT,
        env: {
          ...env,
          EMULATORS: stubs.join(","),
          FINCH_EMULATOR_WEBHOOK_URLS: env.FINCH_EMULATOR_WEBHOOK_URLS ?? `${env.APP_URL}/api/finch/webhook`,
        },
      });
      if (stubs.includes("finch")) {
        await waitForPort(LOCAL_PORTS.finch);
        urls.push([
          "Finch stand-in (break and restore connections)",
          `http://127.0.0.1:${LOCAL_PORTS.finch}`,
        ]);
      }
      if (stubs.includes("resend")) {
        await waitForPort(LOCAL_PORTS.resend);
        urls.push(["Mailbox (sign-in links arrive here)", `http://127.0.0.1:${LOCAL_PORTS.resend}`]);
      }
      await waitForPort(LOCAL_PORTS.hooks);
      urls.push([
        "Hooks inbox (Slack and webhook alerts arrive here)",
        `http://127.0.0.1:${LOCAL_PORTS.hooks}`,
      ]);
    }
    if (!configured.DATABASE_URL) {
      const { url: databaseUrl } = await startEmbeddedDb({
        dataDir: path.join(DATA_DIR, "pglite"),
        port: LOCAL_PORTS.db,
      });
      env = { ...env, DATABASE_URL: databaseUrl };
      urls.push(["Embedded database (PGlite)", databaseUrl.replace(/:[^:@/]+@/, ":****@")]);
    }
  }

  parseEnv(env); // and locally, once the stand-ins and the database have completed it
  await migrate(env);
  await built;
  await assertPortFree(LOCAL_PORTS.app, "the app", "PORT");
  const app = startChild("app", process.execPath, nextStartArgs(LOCAL_PORTS.app), {
    cwd: ROOT,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  app.once("exit", (code) => shutdown(code ?? 1));
  await waitForPort(LOCAL_PORTS.app, "localhost", 60_000);
  urls.unshift(["App", env.APP_URL ?? `http://localhost:${LOCAL_PORTS.app}`]);
  console.log(
    `\nReady. Press Ctrl-C to stop.\n${urls.map(([name, url]) => `  ${name.padEnd(48)} ${url}`).join("\n")}\n`,
  );
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await stopAll();
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch(async (error: unknown) => {
  console.error(
    `\nCannot start: ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`,
  );
  await shutdown(1);
});
