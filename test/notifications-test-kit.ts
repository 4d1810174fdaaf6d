// Integration-test helpers for customer emails: the Resend stand-in in-process with the app pointed at
// it, members to email, and the outbox drained by hand with an injectable clock.
import { startResendEmulator, type RunningResendEmulator } from "@/emulators/resend/server";
import { listEmails, type ListedEmail } from "@/emulators/resend/test-support/test-emulator";
import { db } from "@/lib/db";
import { deliverOutboxEmail } from "@/lib/notifications/email-outbox";
import type { DeliveryResult } from "@/lib/outbox/delivery-rules";
import { afterAll, beforeAll } from "vitest";
import { stopJobs } from "@/lib/jobs/job-engine";
import { startFinchForTests, uniqueSuffix, type FinchForTests } from "./finch-test-kit";

export interface MailForTests {
  url: string;
  emulator: RunningResendEmulator;
  messagesTo(address: string): Promise<ListedEmail[]>;
  /** Makes the next `count` sends fail with `status` (the stand-in's fault injection). */
  fail(status: 429 | 500 | 503, count: number, retryAfterSeconds?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the Resend stand-in and points the app at it. Call it first in beforeAll, before anything reads
 * env() (and before startFinchForTests). Scheduled reminders never fire on their own during a test, and
 * retries wait seconds instead of minutes.
 */
export async function startMailForTests(): Promise<MailForTests> {
  const emulator = await startResendEmulator({ port: 0, stateFile: null });
  Object.assign(process.env, {
    RESEND_BASE_URL: emulator.url,
    REMINDER_CRON: "0 0 1 1 *",
    EMAIL_RETRY_BASE_SECONDS: "1",
  });
  return {
    url: emulator.url,
    emulator,
    messagesTo: (address) => listEmails(emulator, address),
    async fail(status, count, retryAfterSeconds) {
      const response = await fetch(`${emulator.url}/_emulator/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          status,
          count,
          ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
        }),
      });
      if (!response.ok) throw new Error(`fault injection answered ${response.status}`);
    },
    close: () => emulator.close(),
  };
}

export async function seedMember(organizationId: string, role: "owner" | "member" = "member") {
  const email = `member-${uniqueSuffix()}@example.com`;
  const user = await db().user.create({ data: { email }, select: { id: true, email: true } });
  await db().membership.create({ data: { userId: user.id, organizationId, role } });
  return user;
}

export function outboxOf(connectionId: string) {
  return db().emailOutbox.findMany({
    where: { connectionId },
    orderBy: [{ createdAt: "asc" }, { to: "asc" }],
  });
}

/** Delivers every pending row of the connection that is due at `now`, the way the send jobs would. */
export async function drainOutbox(connectionId: string, now = new Date()): Promise<DeliveryResult[]> {
  const due = await db().emailOutbox.findMany({
    where: { connectionId, status: "pending", nextAttemptAt: { lte: now } },
    select: { id: true },
  });
  const results: DeliveryResult[] = [];
  for (const row of due) results.push(await deliverOutboxEmail({ outboxId: row.id, now }));
  return results;
}

export { waitFor } from "./wait-for";

/**
 * The files share one database: notices an earlier file left undelivered (its stand-ins are gone) are
 * not this file's, and their retries must not reach this file's stand-ins or take its injected faults.
 */
async function settleEarlierNotices(): Promise<void> {
  const undelivered = { status: { in: ["pending", "held"] as ("pending" | "held")[] } };
  await db().emailOutbox.updateMany({ where: undelivered, data: { status: "cancelled" } });
  await db().alertOutbox.updateMany({ where: undelivered, data: { status: "cancelled" } });
  await db().hostEventOutbox.updateMany({ where: undelivered, data: { status: "cancelled" } });
}

/**
 * Registers the stand-ins for a notifications test file: mail and Finch started before the tests (mail
 * first, see startMailForTests), everything stopped afterwards. `extraSetup` runs after both are up.
 */
export function setupNotificationStandIns(extraSetup?: () => Promise<void>): {
  mail(): MailForTests;
  finch(): FinchForTests;
} {
  let mail: MailForTests | undefined;
  let finch: FinchForTests | undefined;
  beforeAll(async () => {
    mail = await startMailForTests();
    finch = await startFinchForTests();
    await settleEarlierNotices(); // after the stand-ins: the database client reads their URLs
    await extraSetup?.();
  });
  afterAll(async () => {
    await stopJobs();
    await finch?.close();
    await mail?.close();
    await db().$disconnect();
  });
  return {
    mail() {
      if (!mail) throw new Error("the mail stand-in starts in beforeAll");
      return mail;
    },
    finch() {
      if (!finch) throw new Error("the Finch stand-in starts in beforeAll");
      return finch;
    },
  };
}
