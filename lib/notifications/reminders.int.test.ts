import { describe, expect, it } from "vitest";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { db } from "@/lib/db";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { drainOutbox, outboxOf, seedMember, setupNotificationStandIns } from "@/test/notifications-test-kit";
import { applyEmailPreference } from "./apply-email-preference";
import { queueDueReminders } from "./queue-due-reminders";

const standIns = setupNotificationStandIns();

const DAY = 24 * 60 * 60 * 1000;
const after = (start: Date, days: number, extraMs = 60_000) =>
  new Date(start.getTime() + days * DAY + extraMs);

/** Runs the reminder schedule at `now` and sends what it queued for this connection (other tests' incidents share the database). */
async function tick(connectionId: string, now: Date) {
  const queued = await queueDueReminders({ now });
  await drainOutbox(connectionId, now);
  const ours = await db().emailOutbox.findMany({
    where: { id: { in: queued }, connectionId },
    select: { id: true },
  });
  return ours.map((row) => row.id);
}

const subjectsOf = async (email: string) =>
  (await standIns.mail().messagesTo(email)).map((message) => message.subject).reverse();

const NOTICE = "Action needed: your gusto connection needs to be reconnected";
const REMINDER = "Reminder: your gusto connection still needs to be reconnected";

describe("reminders", () => {
  it("go out after 3 and 7 days, once each, and stop the moment the connection is healthy", async () => {
    const org = await seedOrganization();
    const [owner, member] = [await seedMember(org.id, "owner"), await seedMember(org.id)];
    const connection = await seedConnection(standIns.finch(), org.id);
    const t0 = new Date();
    const { openedIncidentId } = await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "reauth",
      source: "sweep",
      at: t0,
    });
    await drainOutbox(connection.id, t0);

    expect(await tick(connection.id, after(t0, 2))).toEqual([]);
    expect(await tick(connection.id, after(t0, 3))).toHaveLength(2);
    expect(await tick(connection.id, after(t0, 3, 3_600_000))).toEqual([]); // the schedule runs again: nothing new
    expect(await tick(connection.id, after(t0, 7))).toHaveLength(2);
    for (const user of [owner, member])
      expect(await subjectsOf(user.email)).toEqual([NOTICE, REMINDER, REMINDER]);

    const [reminder] = await standIns.mail().messagesTo(owner.email);
    expect(reminder.text).toContain("for 7 days");
    expect(reminder.html).toContain("/email/snooze?token=");
    expect(reminder.headers?.["List-Unsubscribe"]).toContain("/api/email/unsubscribe?token=");

    await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "connected",
      source: "reconnect",
      at: after(t0, 8),
    });
    expect(await tick(connection.id, after(t0, 30))).toEqual([]);
    expect(
      await db().emailOutbox.count({ where: { incidentId: openedIncidentId, kind: "reconnect_reminder" } }),
    ).toBe(4);
    for (const user of [owner, member])
      expect(await subjectsOf(user.email)).toEqual([
        NOTICE,
        REMINDER,
        REMINDER,
        "Reconnected: gusto is working again",
      ]);
  });

  it("skip a member who snoozed the incident or unsubscribed, and only them", async () => {
    const org = await seedOrganization();
    const [snoozer, quitter, keen] = [
      await seedMember(org.id, "owner"),
      await seedMember(org.id),
      await seedMember(org.id),
    ];
    const connection = await seedConnection(standIns.finch(), org.id);
    const t0 = new Date();
    const { openedIncidentId } = await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "reauth",
      source: "webhook",
      at: t0,
    });
    await drainOutbox(connection.id, t0);
    expect(
      await applyEmailPreference({
        kind: "snooze",
        userId: snoozer.id,
        incidentId: openedIncidentId as string,
      }),
    ).toBe(true);
    expect(await applyEmailPreference({ kind: "unsubscribe", userId: quitter.id })).toBe(true);

    await tick(connection.id, after(t0, 3));
    await tick(connection.id, after(t0, 7));
    expect(await subjectsOf(snoozer.email)).toEqual([NOTICE]);
    expect(await subjectsOf(quitter.email)).toEqual([NOTICE]);
    expect(await subjectsOf(keen.email)).toEqual([NOTICE, REMINDER, REMINDER]);

    // A snooze covers one incident: when the connection breaks again, the snoozer hears about it.
    await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "connected",
      source: "sweep",
      at: after(t0, 8),
    });
    const t1 = after(t0, 9);
    await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "reauth",
      source: "webhook",
      at: t1,
    });
    await drainOutbox(connection.id, t1);
    await tick(connection.id, after(t1, 3));
    expect((await subjectsOf(snoozer.email)).filter((subject) => subject === REMINDER)).toHaveLength(1);
    expect((await subjectsOf(quitter.email)).filter((subject) => subject === REMINDER)).toHaveLength(0);
  });

  it("are not sent when the member snoozes after the reminder was queued", async () => {
    const org = await seedOrganization();
    const user = await seedMember(org.id, "owner");
    const connection = await seedConnection(standIns.finch(), org.id);
    const t0 = new Date();
    const { openedIncidentId } = await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "reauth",
      source: "webhook",
      at: t0,
    });
    await drainOutbox(connection.id, t0);
    const queued = await queueDueReminders({ now: after(t0, 3) });
    expect(await db().emailOutbox.count({ where: { id: { in: queued }, connectionId: connection.id } })).toBe(
      1,
    );
    await applyEmailPreference({ kind: "snooze", userId: user.id, incidentId: openedIncidentId as string });
    expect(await drainOutbox(connection.id, after(t0, 3))).toEqual([
      { kind: "cancelled", reason: "the recipient snoozed or unsubscribed from reminders" },
    ]);
    expect(await subjectsOf(user.email)).toEqual([NOTICE]);
  });

  it("send only the latest reminder due after the scheduler was down, not every missed one", async () => {
    const org = await seedOrganization();
    const user = await seedMember(org.id, "owner");
    const connection = await seedConnection(standIns.finch(), org.id);
    const t0 = new Date();
    await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "reauth",
      source: "webhook",
      at: t0,
    });
    await drainOutbox(connection.id, t0);
    await tick(connection.id, after(t0, 10));
    await tick(connection.id, after(t0, 11));
    expect(await subjectsOf(user.email)).toEqual([NOTICE, REMINDER]);
    expect((await outboxOf(connection.id)).map((row) => row.dedupeKey.split(":").at(-1))).toContain("2");
  });
});
