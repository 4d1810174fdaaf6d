import { describe, expect, it } from "vitest";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { db } from "@/lib/db";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { drainOutbox, outboxOf, seedMember, setupNotificationStandIns } from "@/test/notifications-test-kit";
import { applyEmailPreference } from "./apply-email-preference";
import { getEmailPreferences, setEmailPreferences } from "./member-email-preferences";
import { queueDueReminders } from "./queue-due-reminders";

const standIns = setupNotificationStandIns();
const DAY = 24 * 60 * 60 * 1000;
const ALL_ON = { broken: true, reminders: true, restored: true };

async function team() {
  const org = await seedOrganization();
  const [owner, member] = [await seedMember(org.id, "owner"), await seedMember(org.id)];
  const connection = await seedConnection(standIns.finch(), org.id);
  return { owner, member, connection };
}

const signal = (connectionId: string, finchStatus: string, at: Date) =>
  applyConnectionSignal({ connectionId, finchStatus, source: "webhook", at });

describe("a member's email settings", () => {
  it("start with everything on and reflect a one-click unsubscribe from reminders", async () => {
    const { owner } = await team();
    expect(await getEmailPreferences(owner.id)).toEqual(ALL_ON);
    await applyEmailPreference({ kind: "unsubscribe", userId: owner.id });
    expect(await getEmailPreferences(owner.id)).toEqual({ ...ALL_ON, reminders: false });
  });

  it("skip the broken notice and the restored confirmation for whoever turned them off", async () => {
    const { owner, member, connection } = await team();
    await setEmailPreferences({ userId: member.id, preferences: { ...ALL_ON, broken: false } });
    await setEmailPreferences({ userId: owner.id, preferences: { ...ALL_ON, restored: false } });
    const t0 = new Date();
    await signal(connection.id, "reauth", t0);
    await drainOutbox(connection.id, t0);
    await signal(connection.id, "connected", new Date(t0.getTime() + 1000));
    await drainOutbox(connection.id, new Date(t0.getTime() + 1000));
    const rows = await outboxOf(connection.id);
    expect(rows.map((row) => [row.kind, row.to, row.status])).toEqual([
      ["connection_broken", owner.email, "sent"],
    ]);
    expect(await standIns.mail().messagesTo(member.email)).toHaveLength(0);
  });

  it("cancel a queued notice when the member turns it off before it is sent", async () => {
    const { owner, connection } = await team();
    const t0 = new Date();
    await signal(connection.id, "reauth", t0);
    await setEmailPreferences({ userId: owner.id, preferences: { ...ALL_ON, broken: false } });
    const results = await drainOutbox(connection.id, t0);
    expect(results).toContainEqual({ kind: "cancelled", reason: "the recipient turned these emails off" });
    expect(await standIns.mail().messagesTo(owner.email)).toHaveLength(0);
  });

  it("let someone who unsubscribed from reminders re-subscribe, and reminders then reach them", async () => {
    const { owner, connection } = await team();
    await applyEmailPreference({ kind: "unsubscribe", userId: owner.id });
    const t0 = new Date();
    await signal(connection.id, "reauth", t0);
    const day3 = new Date(t0.getTime() + 3 * DAY + 60_000);
    await queueDueReminders({ now: day3 });
    expect(
      (await outboxOf(connection.id)).filter((row) => row.userId === owner.id).map((row) => row.kind),
    ).toEqual(["connection_broken"]);

    await setEmailPreferences({ userId: owner.id, preferences: ALL_ON });
    expect(await getEmailPreferences(owner.id)).toEqual(ALL_ON);
    const day7 = new Date(t0.getTime() + 7 * DAY + 60_000);
    await queueDueReminders({ now: day7 });
    await drainOutbox(connection.id, day7);
    const subjects = (await standIns.mail().messagesTo(owner.email)).map((message) => message.subject);
    expect(subjects).toContain("Reminder: your gusto connection still needs to be reconnected");
    const preference = await db().emailPreference.findUnique({ where: { userId: owner.id } });
    expect(preference?.remindersUnsubscribedAt).toBeNull();
  });
});
