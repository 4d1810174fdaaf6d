// Runs the Finch emulator standalone: `npx tsx emulators/finch/main.ts`. Configuration comes from env.
import { finchOptionsFromEnv } from "./options-from-env";
import { startFinchEmulator } from "./server";

async function main(): Promise<void> {
  const emulator = await startFinchEmulator({
    ...finchOptionsFromEnv(process.env),
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
