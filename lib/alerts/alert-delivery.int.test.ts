import { Webhook as SvixWebhook } from "svix";
import { afterAll, describe, expect, it } from "vitest";
import { startHooksEmulator, type RunningHooksEmulator } from "@/emulators/hooks/server";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { db } from "@/lib/db";
import { seedConnection, seedOrganization, uniqueSuffix } from "@/test/finch-test-kit";
import { seedMember, setupNotificationStandIns } from "@/test/notifications-test-kit";
import { queueDueReminders } from "@/lib/notifications/queue-due-reminders";
import { deliverAlert } from "./alert-outbox";
import { rotateWebhookSecret, saveAlertChannel } from "./manage-alert-channels";

let hooks: RunningHooksEmulator;
const standIns = setupNotificationStandIns(async () => {
  hooks = await startHooksEmulator({ port: 0 });
});
afterAll(() => hooks.close());

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  verified: boolean | null;
  status: number;
}

async function received(path: string, all = false): Promise<Received[]> {
  const response = await fetch(
    `${hooks.url}/received?path=${encodeURIComponent(path)}${all ? "&all=1" : ""}`,
  );
  return ((await response.json()) as { data: Received[] }).data;
}

async function failNext(pathPrefix: string, count: number) {
  await fetch(`${hooks.url}/_emulator/faults`, {
    method: "POST",
    body: JSON.stringify({ status: 503, count, pathPrefix }),
  });
}

/** Delivers every pending alert of the connection due at `now`, as the alert-send jobs would. */
async function drainAlerts(connectionId: string, now = new Date()) {
  const due = await db().alertOutbox.findMany({
    where: { connectionId, status: "pending", nextAttemptAt: { lte: now } },
    select: { id: true },
  });
  return Promise.all(due.map((row) => deliverAlert({ outboxId: row.id, now })));
}

async function teamWithChannels() {
  const org = await seedOrganization();
  await seedMember(org.id, "owner");
  const connection = await seedConnection(standIns.finch(), org.id);
  const suffix = uniqueSuffix();
  const slackPath = `/slack/T0/B0/${suffix}`;
  const hookPath = `/hooks/${suffix}`;
  await saveAlertChannel({ organizationId: org.id, kind: "slack", url: `${hooks.url}${slackPath}` });
  const { secret } = await saveAlertChannel({
    organizationId: org.id,
    kind: "webhook",
    url: `${hooks.url}${hookPath}`,
  });
  if (!secret) throw new Error("a new webhook endpoint gets a secret");
  await fetch(`${hooks.url}/_emulator/secrets`, {
    method: "POST",
    body: JSON.stringify({ pathPrefix: hookPath, secret }),
  });
  return { org, connection, slackPath, hookPath, secret };
}

const breakIt = (connectionId: string, source: "api_error" | "webhook" | "sweep") =>
  applyConnectionSignal({ connectionId, finchStatus: "reauth", source });

describe("alert channels", () => {
  it("get a broken connection exactly once each, through a receiver that fails and recovers", async () => {
    const { connection, slackPath, hookPath, secret } = await teamWithChannels();
    await failNext(slackPath, 2);
    await failNext(hookPath, 2);
    // Three detection paths at once: one incident, one alert per channel.
    await Promise.all(
      (["api_error", "webhook", "sweep"] as const).map((source) => breakIt(connection.id, source)),
    );
    expect(await db().alertOutbox.count({ where: { connectionId: connection.id } })).toBe(2);

    // Two workers race for each row, then retries once each backoff ends (moved to now: the receiver
    // checks signature timestamps against the real clock), until the receiver recovers.
    for (let round = 0; round < 6; round++) {
      await Promise.all([drainAlerts(connection.id), drainAlerts(connection.id)]);
      const waiting = await db().alertOutbox.updateMany({
        where: { connectionId: connection.id, status: "pending" },
        data: { nextAttemptAt: new Date() },
      });
      if (waiting.count === 0) break;
    }
    const rows = await db().alertOutbox.findMany({ where: { connectionId: connection.id } });
    expect(rows.map((row) => [row.event, row.status, row.attempts])).toEqual([
      ["connection.broken", "sent", 3],
      ["connection.broken", "sent", 3],
    ]);

    const [slack, ...moreSlack] = await received(slackPath);
    expect(moreSlack).toHaveLength(0);
    expect(await received(slackPath, true)).toHaveLength(3);
    const message = JSON.parse(slack.body) as { text: string };
    expect(message.text).toContain("gusto needs to be reconnected");
    expect(message.text).toContain(`/connections/${connection.id}|Reconnect gusto>`);

    const [hook, ...moreHooks] = await received(hookPath);
    expect(moreHooks).toHaveLength(0);
    expect(hook.verified).toBe(true);
    // Every attempt carried the same webhook-id, so a receiver can deduplicate retries.
    expect(
      new Set((await received(hookPath, true)).map((attempt) => attempt.headers["webhook-id"])).size,
    ).toBe(1);
    // An independent Standard Webhooks implementation (svix) accepts the signature.
    const event = new SvixWebhook(secret).verify(hook.body, {
      "webhook-id": hook.headers["webhook-id"],
      "webhook-timestamp": hook.headers["webhook-timestamp"],
      "webhook-signature": hook.headers["webhook-signature"],
    }) as { type: string; data: { connectionId: string; provider: string } };
    expect(event).toMatchObject({
      type: "connection.broken",
      data: { connectionId: connection.id, provider: "gusto" },
    });

    const timeline = await db().connectionEvent.findMany({
      where: { connectionId: connection.id, type: "alert_sent" },
      select: { detail: true },
    });
    expect(timeline.map((entry) => entry.detail).sort()).toEqual([
      expect.stringMatching(/^Slack alert \(broken\) delivered to http:\/\/127\.0\.0\.1/),
      expect.stringMatching(/^webhook endpoint alert \(broken\) delivered to/),
    ]);
  });

  it("send connection.restored once when it works again, signed with the rotated secret", async () => {
    const { org, connection, hookPath } = await teamWithChannels();
    await breakIt(connection.id, "webhook");
    await drainAlerts(connection.id);
    const rotated = await rotateWebhookSecret(org.id);
    await fetch(`${hooks.url}/_emulator/secrets`, {
      method: "POST",
      body: JSON.stringify({ pathPrefix: hookPath, secret: rotated }),
    });
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "connected", source: "sweep" });
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "connected", source: "webhook" });
    await drainAlerts(connection.id);
    await drainAlerts(connection.id);
    const hooksReceived = await received(hookPath);
    expect(hooksReceived.map((hook) => (JSON.parse(hook.body) as { type: string }).type)).toEqual([
      "connection.restored",
      "connection.broken",
    ]);
    expect(hooksReceived[0].verified).toBe(true);
    expect(
      new SvixWebhook(rotated as string).verify(hooksReceived[0].body, hooksReceived[0].headers),
    ).toBeTruthy();
  });

  it("gives up on an endpoint that refuses for good, and says so on the timeline", async () => {
    const { connection, slackPath } = await teamWithChannels();
    await fetch(`${hooks.url}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ status: 404, count: 1, pathPrefix: slackPath }),
    });
    await breakIt(connection.id, "webhook");
    await drainAlerts(connection.id);
    const failed = await db().alertOutbox.findMany({
      where: { connectionId: connection.id, status: "failed" },
    });
    expect(failed).toHaveLength(1);
    expect(failed[0].lastError).toContain("answered 404");
    const events = await db().connectionEvent.findMany({
      where: { connectionId: connection.id, type: "alert_failed" },
    });
    expect(events).toHaveLength(1);
  });

  it("send one connection.reminder per channel and reminder number while it stays broken", async () => {
    const { connection, hookPath, slackPath } = await teamWithChannels();
    const threeDaysAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000 - 60_000);
    await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "reauth",
      source: "sweep",
      at: threeDaysAgo,
    });
    await queueDueReminders();
    await queueDueReminders(); // the schedule running again (or on another instance) adds nothing
    const events = await db().alertOutbox.findMany({
      where: { connectionId: connection.id },
      select: { event: true },
    });
    expect(events.map((row) => row.event).sort()).toEqual([
      "connection.broken",
      "connection.broken",
      "connection.reminder",
      "connection.reminder",
    ]);
    await drainAlerts(connection.id);
    const bodies = (await received(hookPath)).map((hook) => JSON.parse(hook.body) as { type: string });
    expect(bodies.map((body) => body.type).sort()).toEqual(["connection.broken", "connection.reminder"]);
    expect(bodies.find((body) => body.type === "connection.reminder")).toMatchObject({
      data: { reminderNumber: 1 },
    });
    const texts = (await received(slackPath)).map((hook) => (JSON.parse(hook.body) as { text: string }).text);
    expect(texts.filter((text) => text.includes("gusto still needs to be reconnected"))).toHaveLength(1);
  });
});
