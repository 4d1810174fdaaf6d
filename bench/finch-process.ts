// The Finch stand-in in its own process on a free loopback port, as Finch is a remote service:
// its CPU time then does not count against the code under test.
import { spawn } from "node:child_process";
import path from "node:path";
import { DEVELOPMENT_CREDENTIALS } from "@/emulators/shared/development-credentials";
import { stopChild } from "../scripts/lib/processes";
import { freePort } from "./bench-setup";

const ROOT = path.resolve(__dirname, "..");

export interface FinchProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts the stand-in with the development credentials, which benchAppEnv() gives the app too. */
export async function startFinchProcess(
  /** Extra settings for the stand-in, e.g. FINCH_EMULATOR_RATE_LIMITS. */
  extraEnv: Record<string, string> = {},
): Promise<FinchProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "emulators", "finch", "main.ts")],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        FINCH_EMULATOR_HOST: "127.0.0.1",
        FINCH_EMULATOR_PORT: String(port),
        FINCH_EMULATOR_STATE_FILE: "",
        FINCH_EMULATOR_WEBHOOK_URLS: "",
        FINCH_CLIENT_ID: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_ID,
        FINCH_CLIENT_SECRET: DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_SECRET,
        FINCH_WEBHOOK_SECRET: DEVELOPMENT_CREDENTIALS.FINCH_WEBHOOK_SECRET,
        ...extraEnv,
      },
    },
  );
  const stop = () => stopChild(child);
  // It logs one line per request; only the "ready" line matters here.
  const ready = new Promise<void>((resolve, reject) => {
    let seen = "";
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      if (seen.length < 10_000) seen += chunk;
      if (seen.includes("Finch emulator ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the Finch stand-in exited early (code ${code})`)));
    setTimeout(() => reject(new Error("the Finch stand-in did not start in time")), 30_000).unref();
  });
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}
