// Runs the Finch emulator standalone: `npx tsx emulators/finch/main.ts`. Configuration comes from env.
import {
  DEFAULT_FINCH_EMULATOR_HOST,
  DEFAULT_FINCH_EMULATOR_PORT,
  DEFAULT_FINCH_EMULATOR_STATE_FILE,
  DEFAULT_FINCH_WEBHOOK_URLS,
} from "./defaults";
import { DEVELOPMENT_CREDENTIALS } from "../shared/development-credentials";
import { startFinchEmulator } from "./server";

function listFromEnv(value: string | undefined, fallback: string[]): string[] {
  if (value === undefined) return fallback;
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.FINCH_EMULATOR_PORT ?? DEFAULT_FINCH_EMULATOR_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`Invalid FINCH_EMULATOR_PORT: ${env.FINCH_EMULATOR_PORT}`);
  const emulator = await startFinchEmulator({
    host: env.FINCH_EMULATOR_HOST || DEFAULT_FINCH_EMULATOR_HOST,
    port,
    publicUrl: env.FINCH_EMULATOR_PUBLIC_URL || undefined,
    // An empty FINCH_EMULATOR_STATE_FILE means "memory only".
    stateFile:
      env.FINCH_EMULATOR_STATE_FILE === undefined
        ? DEFAULT_FINCH_EMULATOR_STATE_FILE
        : env.FINCH_EMULATOR_STATE_FILE || null,
    clientId: env.FINCH_CLIENT_ID || DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_ID,
    clientSecret: env.FINCH_CLIENT_SECRET || DEVELOPMENT_CREDENTIALS.FINCH_CLIENT_SECRET,
    webhookSecret: env.FINCH_WEBHOOK_SECRET || DEVELOPMENT_CREDENTIALS.FINCH_WEBHOOK_SECRET,
    webhookUrls: listFromEnv(env.FINCH_EMULATOR_WEBHOOK_URLS, DEFAULT_FINCH_WEBHOOK_URLS),
    log: (line) => console.log(line),
  });
  console.log(`Finch emulator ready at ${emulator.url} (control page: ${emulator.url}/)`);

  const stop = (signal: string) => {
    console.log(`finch-emulator: ${signal} received, shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
