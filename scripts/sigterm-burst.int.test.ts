// SIGTERM during a burst of signed webhooks, with the app run as production runs it: two ROLE=web
// replicas (npm run serve) and one npm run worker on one database. One replica and the worker are
// stopped mid-burst; the sender retries a failed delivery on the other replica, as Finch retries, and
// a second worker takes over. Every event is recorded once and every email is sent once.
// Size: BURST_WEBHOOKS, default 300 so CI stays around 2 minutes on 2 busy cores; the 1,000
// (BURST_WEBHOOKS=1000) takes about 5 minutes there, mostly sending the 1,000 emails through one worker.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startResendEmulator, type RunningResendEmulator } from "@/emulators/resend/server";
import { signWebhook } from "@/emulators/finch/webhooks/sign-webhook";
import { db } from "@/lib/db";
import { startAppProcess, type AppProcess } from "@/test/app-process-kit";
import { waitFor } from "@/test/wait-for";
import { buildIfNeeded } from "./lib/build";

const N = Number(process.env.BURST_WEBHOOKS ?? 300);
const tag = `burst${crypto.randomBytes(3).toString("hex")}`;
const processes: AppProcess[] = [];
let resend: RunningResendEmulator;
let appEnv: NodeJS.ProcessEnv;

async function seed(): Promise<void> {
  // One organization, member and connection per webhook, in set-based statements.
  await db().$executeRaw`INSERT INTO "Organization" (id, name) SELECT ${tag} || 'o' || g, 'Burst ' || g
    FROM generate_series(1, ${N}::int) g`;
  await db()
    .$executeRaw`INSERT INTO "User" (id, email) SELECT ${tag} || 'u' || g, ${tag} || '-' || g || '@example.com'
    FROM generate_series(1, ${N}::int) g`;
  await db().$executeRaw`INSERT INTO "Membership" (id, "userId", "organizationId", role)
    SELECT ${tag} || 'm' || g, ${tag} || 'u' || g, ${tag} || 'o' || g, 'owner' FROM generate_series(1, ${N}::int) g`;
  await db().$executeRaw`INSERT INTO "Connection" (id, "organizationId", "finchConnectionId", "providerId",
      "providerName", "accessTokenCiphertext", "accessTokenKeyId", "updatedAt")
    SELECT ${tag} || 'c' || g, ${tag} || 'o' || g, ${tag} || 'f' || g, ${tag}, 'Burst Payroll', 'unused', 'none', now()
    FROM generate_series(1, ${N}::int) g`;
}

function webhook(i: number): { eventId: string; body: string; headers: Record<string, string> } {
  const eventId = `${tag}-evt-${i}`;
  const body = JSON.stringify({
    company_id: crypto.randomUUID(),
    account_id: crypto.randomUUID(),
    connection_id: `${tag}f${i}`,
    entity_id: null,
    event_type: "account.updated",
    data: { status: "reauth", authentication_method: { type: "credential" } },
  });
  const signed = signWebhook(
    process.env.FINCH_WEBHOOK_SECRET ?? "",
    eventId,
    Math.floor(Date.now() / 1000),
    body,
  );
  return { eventId, body, headers: { "content-type": "application/json", ...signed } };
}

/** Delivers one event, moving to another replica when one refuses or drops it (as Finch retries). */
async function deliver(i: number, replicas: () => AppProcess[]): Promise<void> {
  const { body, headers } = webhook(i);
  for (let attempt = 0; attempt < 20; attempt++) {
    const live = replicas();
    const target = live[(i + attempt) % live.length];
    const response = await fetch(`${target.url}/api/finch/webhook`, { method: "POST", headers, body }).catch(
      () => null,
    );
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`event ${i} was never acknowledged`);
}

beforeAll(async () => {
  await buildIfNeeded({ ...process.env, NODE_ENV: "production" });
  resend = await startResendEmulator({ port: 0, stateFile: null, apiKey: process.env.RESEND_API_KEY });
  await seed();
  appEnv = {
    ...process.env,
    NODE_ENV: "production",
    // A production configuration: Finch's real windows (the test setup shortens them for this process).
    FINCH_BUDGET_WINDOW_SCALE: "1",
    RESEND_BASE_URL: resend.url,
    FINCH_BASE_URL: "http://127.0.0.1:9",
    SWEEP_CONTINUOUS: "off",
    MIGRATE_AT_START: "false",
    LOG_LEVEL: "warn",
    SHUTDOWN_GRACE_SECONDS: "20",
    EMAIL_RETRY_BASE_SECONDS: "1",
  };
  processes.push(
    ...(await Promise.all([
      startAppProcess("web-a", "serve", { ...appEnv, ROLE: "web" }),
      startAppProcess("web-b", "serve", { ...appEnv, ROLE: "web" }),
      startAppProcess("worker-1", "worker", appEnv),
    ])),
  );
}, 600_000);

afterAll(async () => {
  await Promise.all(processes.map((process) => process.stop()));
  await resend?.close();
  await db().organization.deleteMany({ where: { id: { startsWith: `${tag}o` } } });
  await db().user.deleteMany({ where: { id: { startsWith: `${tag}u` } } });
  await db().$disconnect();
}, 120_000);

describe(`SIGTERM during a burst of ${N} signed webhooks`, () => {
  it(
    "records every event once and sends every email once; stopped processes exit 0",
    async () => {
      const [webA, webB, worker1] = processes;
      let stopped = false;
      const replicas = () => (stopped ? [webB] : [webA, webB]);
      const exits: Promise<number | null>[] = [];
      let next = 0;
      const sender = async () => {
        while (next < N) {
          const i = ++next;
          if (i === Math.floor(N / 3)) {
            // Mid-burst: one web replica and the worker are told to stop.
            exits.push(webA.stop(), worker1.stop());
            setTimeout(() => (stopped = true), 50);
          }
          await deliver(i, replicas);
        }
      };
      const started = Date.now();
      await Promise.all(Array.from({ length: 16 }, sender));
      console.log(`burst: ${N} webhooks acknowledged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(await Promise.all(exits)).toEqual([0, 0]);
      processes.push(await startAppProcess("worker-2", "worker", appEnv));

      const events = await db().finchWebhookEvent.count({ where: { id: { startsWith: `${tag}-evt-` } } });
      expect(events).toBe(N);
      const incidents = await db().incident.count({ where: { connection: { providerId: tag } } });
      expect(incidents).toBe(N);
      const mails = await waitFor(
        async () => {
          const response = await fetch(`${resend.url}/emails`);
          const { data } = (await response.json()) as { data: { to: string[] }[] };
          return data.flatMap((mail) => mail.to).filter((to) => to.startsWith(`${tag}-`));
        },
        (to) => to.length >= N,
        60_000 + N * 200,
        500,
      );
      console.log(
        `burst: ${N} emails sent ${((Date.now() - started) / 1000).toFixed(1)} s after the first webhook`,
      );
      expect(new Set(mails).size).toBe(N);
      expect(mails).toHaveLength(N);
    },
    120_000 + N * 400,
  );
});
