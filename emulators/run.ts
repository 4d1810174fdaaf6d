// npm run emulators – the local Finch, Resend and hooks stand-ins (EMULATORS=finch,resend,hooks picks which).
import { finchOptionsFromEnv } from "./finch/options-from-env";
import { startFinchEmulator } from "./finch/server";
import { hooksOptionsFromEnv } from "./hooks/options-from-env";
import { startHooksEmulator } from "./hooks/server";
import { resendOptionsFromEnv } from "./resend/options-from-env";
import { startResendEmulator } from "./resend/server";

const wanted = (process.env.EMULATORS ?? "finch,resend,hooks").split(",").map((name) => name.trim());
const log = (line: string) => console.log(line);

async function main() {
  const running: { close(): Promise<void> }[] = [];
  if (wanted.includes("finch")) {
    const finch = await startFinchEmulator({ ...finchOptionsFromEnv(process.env), log });
    running.push(finch);
    console.log(`Finch stand-in  ${finch.url}  (control page at /)`);
  }
  if (wanted.includes("resend")) {
    const resend = await startResendEmulator({ ...resendOptionsFromEnv(process.env), log });
    running.push(resend);
    console.log(`Resend stand-in ${resend.url}  (mailbox at /)`);
  }
  if (wanted.includes("hooks")) {
    const hooks = await startHooksEmulator({ ...hooksOptionsFromEnv(process.env), log });
    running.push(hooks);
    console.log(`Hooks stand-in  ${hooks.url}  (inbox at /, Slack posts to /slack/…, webhooks to /hooks/…)`);
  }
  const stop = async () => {
    await Promise.all(running.map((server) => server.close()));
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
