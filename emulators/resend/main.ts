// Runs the Resend emulator on its own: `npx tsx emulators/resend/main.ts`.
import { DEVELOPMENT_CREDENTIALS } from "../shared/development-credentials";
import { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_STATE_FILE } from "./defaults";
import { startResendEmulator } from "./server";

// This runner is the emulator's only reader of process.env; the server takes plain options.
async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const port = Number(env.RESEND_EMULATOR_PORT || DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`RESEND_EMULATOR_PORT must be a port number, got "${env.RESEND_EMULATOR_PORT}"`);
  }
  // An explicitly empty RESEND_EMULATOR_STATE_FILE means "memory only".
  const stateFile =
    env.RESEND_EMULATOR_STATE_FILE === "" ? null : (env.RESEND_EMULATOR_STATE_FILE ?? DEFAULT_STATE_FILE);
  const emulator = await startResendEmulator({
    host: env.RESEND_EMULATOR_HOST || DEFAULT_HOST,
    port,
    stateFile,
    apiKey: env.RESEND_API_KEY || null,
    log: (line) => console.log(`[resend-emulator] ${line}`),
  });
  console.log(`[resend-emulator] mailbox: ${emulator.url}/`);
  console.log(
    `[resend-emulator] app settings: RESEND_BASE_URL=${emulator.url} RESEND_API_KEY=${env.RESEND_API_KEY || DEVELOPMENT_CREDENTIALS.RESEND_API_KEY}`,
  );
  console.log(`[resend-emulator] state: ${stateFile ?? "memory only"}`);
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main(process.env).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
