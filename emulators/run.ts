// npm run emulators – the local Finch, Resend and hooks stand-ins (EMULATORS=finch,resend,hooks picks which).
import path from "node:path";
import { startFinchEmulator } from "./finch/server";
import {
  DEFAULT_FINCH_CLIENT_ID,
  DEFAULT_FINCH_CLIENT_SECRET,
  DEFAULT_FINCH_WEBHOOK_SECRET,
} from "./finch/defaults";
import { startHooksEmulator } from "./hooks/server";
import { startResendEmulator } from "./resend/server";

const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(__dirname, "..", ".data"));
const wanted = (process.env.EMULATORS ?? "finch,resend,hooks").split(",").map((name) => name.trim());
const log = (line: string) => console.log(line);

async function main() {
  const running: { close(): Promise<void> }[] = [];
  if (wanted.includes("finch")) {
    const finch = await startFinchEmulator({
      host: process.env.FINCH_EMULATOR_HOST ?? "127.0.0.1",
      port: Number(process.env.FINCH_EMULATOR_PORT ?? 4010),
      stateFile: process.env.FINCH_EMULATOR_STATE_FILE ?? path.join(dataDir, "finch-emulator.json"),
      clientId: process.env.FINCH_CLIENT_ID ?? DEFAULT_FINCH_CLIENT_ID,
      clientSecret: process.env.FINCH_CLIENT_SECRET ?? DEFAULT_FINCH_CLIENT_SECRET,
      webhookSecret: process.env.FINCH_WEBHOOK_SECRET ?? DEFAULT_FINCH_WEBHOOK_SECRET,
      webhookUrls: (process.env.FINCH_EMULATOR_WEBHOOK_URLS ?? "http://localhost:3000/api/finch/webhook")
        .split(",")
        .filter(Boolean),
      log,
    });
    running.push(finch);
    console.log(`Finch stand-in  ${finch.url}  (control page at /)`);
  }
  if (wanted.includes("resend")) {
    const resend = await startResendEmulator({
      host: process.env.RESEND_EMULATOR_HOST ?? "127.0.0.1",
      port: Number(process.env.RESEND_EMULATOR_PORT ?? 4020),
      stateFile: process.env.RESEND_EMULATOR_STATE_FILE ?? path.join(dataDir, "resend-emulator.json"),
      log,
    });
    running.push(resend);
    console.log(`Resend stand-in ${resend.url}  (mailbox at /)`);
  }
  if (wanted.includes("hooks")) {
    const hooks = await startHooksEmulator({
      host: process.env.HOOKS_EMULATOR_HOST ?? "127.0.0.1",
      port: Number(process.env.HOOKS_EMULATOR_PORT ?? 4030),
      log,
    });
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
