import { describe, expect, it } from "vitest";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { findJobs } from "@/lib/jobs/find-jobs";
import { startJobWorkers } from "@/lib/startup/start-job-workers";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { outboxOf, seedMember, setupNotificationStandIns, waitFor } from "@/test/notifications-test-kit";
import { relayOutbox } from "@/lib/outbox/relay-outbox";

const standIns = setupNotificationStandIns(async () => {
  await startJobWorkers();
});

async function team(size: number) {
  const org = await seedOrganization();
  const users = [];
  for (let i = 0; i < size; i++) users.push(await seedMember(org.id, i === 0 ? "owner" : "member"));
  return { users, connection: await seedConnection(standIns.finch(), org.id) };
}

const settled = (connectionId: string) => async () => (await outboxOf(connectionId)).map((row) => row.status);
const allSent = (statuses: string[]) => statuses.length > 0 && statuses.every((status) => status === "sent");
const sendJobStates = (connectionId: string) => async () => {
  const rows = await outboxOf(connectionId);
  const found = await Promise.all(rows.map((row) => findJobs("email-send", { key: row.id })));
  return found.flat().map((job) => job.state);
};
const isFinal = (state: string) => state === "completed" || state === "failed" || state === "cancelled";

describe("emails through the job engine", () => {
  it("delivers one email per member when the API error, the webhook and the sweep fire together", async () => {
    const { users, connection } = await team(3);
    await Promise.all(
      (["api_error", "webhook", "sweep"] as const).map((source) =>
        applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source }),
      ),
    );
    // Another instance's relay dispatching the same rows at the same moment adds nothing.
    await Promise.all([relayOutbox("email"), relayOutbox("email")]);
    await waitFor(settled(connection.id), allSent);
    // A duplicate could only come from a second send job: wait until every job for these rows is done.
    await waitFor(sendJobStates(connection.id), (states) => states.length > 0 && states.every(isFinal));
    for (const user of users) {
      const messages = await standIns.mail().messagesTo(user.email);
      expect(messages.map((message) => message.subject)).toEqual([
        "Action needed: your gusto connection needs to be reconnected",
      ]);
    }
  });

  it("retries while the mail service fails and delivers everything once it recovers, nothing twice", async () => {
    const { users, connection } = await team(3);
    await standIns.mail().fail(503, 4);
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "webhook" });
    // Four failures back off 1 + 2 + 4 + 8 s at most (EMAIL_RETRY_BASE_SECONDS=1); a retry's job that
    // comes before its row is due queues itself for the due time, so no relay pass is waited for.
    const statuses = await waitFor(settled(connection.id), allSent, 45_000);
    expect(statuses).toHaveLength(3);
    const rows = await outboxOf(connection.id);
    // The four failures are the stand-in's, not ours alone: another file's late retry may take one.
    const attempts = rows.reduce((total, row) => total + row.attempts, 0);
    expect(attempts).toBeGreaterThan(3);
    expect(attempts).toBeLessThanOrEqual(3 + 4);
    for (const user of users) expect(await standIns.mail().messagesTo(user.email)).toHaveLength(1);

    // And the confirmation after the repair goes out the same way.
    await standIns.mail().fail(429, 2, 1);
    await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "connected",
      source: "reconnect",
    });
    await waitFor(settled(connection.id), (list) => list.length === 6 && allSent(list), 45_000);
    for (const user of users) {
      expect((await standIns.mail().messagesTo(user.email)).map((message) => message.subject)).toEqual([
        "Reconnected: gusto is working again",
        "Action needed: your gusto connection needs to be reconnected",
      ]);
    }
  }, 100_000);
});
