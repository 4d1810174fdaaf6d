// Runs the Resend emulator on its own: `npx tsx emulators/resend/main.ts`.
import { DEVELOPMENT_CREDENTIALS } from "../shared/development-credentials";
import { resendOptionsFromEnv } from "./options-from-env";
import { startResendEmulator } from "./server";

// This runner and `npm run emulators` read the environment the same way; the server takes plain options.
async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const options = resendOptionsFromEnv(env);
  const emulator = await startResendEmulator({
    ...options,
    log: (line) => console.log(`[resend-emulator] ${line}`),
  });
  console.log(`[resend-emulator] mailbox: ${emulator.url}/`);
  console.log(
    `[resend-emulator] app settings: RESEND_BASE_URL=${emulator.url} RESEND_API_KEY=${env.RESEND_API_KEY || DEVELOPMENT_CREDENTIALS.RESEND_API_KEY}`,
  );
  console.log(`[resend-emulator] state: ${options.stateFile ?? "memory only"}`);
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
