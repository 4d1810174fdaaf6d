import { describe, expect, it } from "vitest";
import { createConnectAttempt } from "@/lib/finch/connect/connect-attempts";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { db } from "@/lib/db";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { drainOutbox, outboxOf, seedMember, setupNotificationStandIns } from "@/test/notifications-test-kit";
import { deliverOutboxEmail } from "./email-outbox";
import { verifyReconnectLink } from "./reconnect-link";

const standIns = setupNotificationStandIns();

async function brokenTeam(members = 2) {
  const org = await seedOrganization();
  const users = [];
  for (let i = 0; i < members; i++) users.push(await seedMember(org.id, i === 0 ? "owner" : "member"));
  const connection = await seedConnection(standIns.finch(), org.id);
  return { org, users, connection };
}

const breakIt = (connectionId: string, source: "api_error" | "webhook" | "sweep" = "webhook", at?: Date) =>
  applyConnectionSignal({ connectionId, finchStatus: "reauth", source, at });

function hrefs(html: string | null, label: RegExp): string[] {
  return [...(html ?? "").matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)]
    .filter((match) =>
      label.test(
        match[2]
          .replace(/<!--[\s\S]*?-->/g, "")
          .replace(/<[^>]+>/g, "")
          .trim(),
      ),
    )
    .map((match) => match[1].replaceAll("&amp;", "&"));
}

describe("the email outbox", () => {
  it("writes one row per member however many detection paths report the breakage at once, and sends each once", async () => {
    const { users, connection } = await brokenTeam(3);
    const outcomes = await Promise.all(
      (["api_error", "webhook", "sweep"] as const).map((source) => breakIt(connection.id, source)),
    );
    expect(outcomes.filter((outcome) => outcome.openedIncidentId)).toHaveLength(1);

    const rows = await outboxOf(connection.id);
    expect(rows.map((row) => row.kind)).toEqual([
      "connection_broken",
      "connection_broken",
      "connection_broken",
    ]);
    expect(new Set(rows.map((row) => row.to))).toEqual(new Set(users.map((user) => user.email)));

    await drainOutbox(connection.id);
    await drainOutbox(connection.id); // a second pass (another worker, a relay) finds nothing to do
    for (const user of users) {
      const [message, ...more] = await standIns.mail().messagesTo(user.email);
      expect(more).toHaveLength(0);
      expect(message.subject).toBe("Action needed: your gusto connection needs to be reconnected");
      expect(message.text).toContain("Paused until you reconnect");
      expect(message.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
      expect(message.headers?.["List-Unsubscribe"]).toMatch(
        /^<http:\/\/localhost:3000\/api\/email\/unsubscribe\?token=[\w.-]+>$/,
      );
      const [link] = hrefs(message.html, /^Reconnect gusto$/);
      const token = new URL(link).pathname.replace("/reconnect/", "");
      expect(verifyReconnectLink(token)).toEqual({
        kind: "valid",
        connectionId: connection.id,
        userId: user.id,
      });
    }
    const events = await db().connectionEvent.findMany({
      where: { connectionId: connection.id, type: "email_sent" },
    });
    expect(events.map((event) => event.detail).sort()).toEqual(
      users.map((user) => `Reconnect request sent to ${user.email}`).sort(),
    );
    expect(JSON.stringify(events)).not.toContain(connection.accessToken);
  });

  it("retries with growing delays while the mail service fails, then delivers each email once", async () => {
    const { users, connection } = await brokenTeam(1);
    const t0 = new Date();
    await breakIt(connection.id, "webhook", t0);
    await standIns.mail().fail(503, 2);

    expect(await drainOutbox(connection.id, t0)).toEqual([
      { kind: "retry", retryAt: new Date(t0.getTime() + 1000) },
    ]);
    expect(await drainOutbox(connection.id, new Date(t0.getTime() + 500))).toEqual([]); // not due yet
    expect(await drainOutbox(connection.id, new Date(t0.getTime() + 1000))).toEqual([
      { kind: "retry", retryAt: new Date(t0.getTime() + 3000) },
    ]);
    expect(await drainOutbox(connection.id, new Date(t0.getTime() + 3000))).toEqual([{ kind: "sent" }]);

    const [row] = await outboxOf(connection.id);
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(await standIns.mail().messagesTo(users[0].email)).toHaveLength(1);
  });

  it("waits as long as a 429 asks", async () => {
    const { connection } = await brokenTeam(1);
    const t0 = new Date();
    await breakIt(connection.id, "webhook", t0);
    await standIns.mail().fail(429, 1, 120);
    expect(await drainOutbox(connection.id, t0)).toEqual([
      { kind: "retry", retryAt: new Date(t0.getTime() + 120_000) },
    ]);
  });

  it("never delivers twice when the 'sent' record was lost after Resend accepted the email", async () => {
    const { users, connection } = await brokenTeam(1);
    await breakIt(connection.id);
    await drainOutbox(connection.id);
    // A crash between Resend's answer and our update: the row still looks unsent.
    await db().emailOutbox.updateMany({
      where: { connectionId: connection.id },
      data: { status: "pending", sentAt: null, claimedUntil: null },
    });
    expect(await drainOutbox(connection.id)).toEqual([{ kind: "sent" }]);
    expect(await standIns.mail().messagesTo(users[0].email)).toHaveLength(1);
  });

  it("lets one worker at a time send a row", async () => {
    const { users, connection } = await brokenTeam(1);
    await breakIt(connection.id);
    const [row] = await outboxOf(connection.id);
    const results = await Promise.all([1, 2, 3].map(() => deliverOutboxEmail({ outboxId: row.id })));
    expect(results.map((result) => result.kind).sort()).toEqual(["not_claimed", "not_claimed", "sent"]);
    expect(await standIns.mail().messagesTo(users[0].email)).toHaveLength(1);
  });

  it("tells a job that came before the row was due when to come back, so a retry never waits for the relay", async () => {
    const { connection } = await brokenTeam(1);
    const t0 = new Date();
    await breakIt(connection.id, "webhook", t0);
    await standIns.mail().fail(500, 1);
    expect((await drainOutbox(connection.id, t0))[0].kind).toBe("retry");
    const [row] = await outboxOf(connection.id);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
    // A job that was already waiting for the row (it absorbed the retry's job) runs before the backoff ends.
    expect(await deliverOutboxEmail({ outboxId: row.id, now: t0 })).toEqual({
      kind: "not_due",
      dueAt: row.nextAttemptAt,
    });
    // While another worker holds the row there is nothing to come back for: the holder queues its own retry.
    await db().emailOutbox.update({
      where: { id: row.id },
      data: { claimedUntil: new Date(t0.getTime() + 60_000) },
    });
    expect(await deliverOutboxEmail({ outboxId: row.id, now: t0 })).toEqual({ kind: "not_claimed" });
    const [unchanged] = await outboxOf(connection.id);
    expect(unchanged).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("gives up after EMAIL_MAX_ATTEMPTS and says so on the timeline", async () => {
    const { users, connection } = await brokenTeam(1);
    const t0 = new Date();
    await breakIt(connection.id, "webhook", t0);
    await standIns.mail().fail(500, 100);
    let now = t0;
    for (let attempt = 1; attempt <= 8; attempt++) {
      const [result] = await drainOutbox(connection.id, now);
      expect(result.kind).toBe(attempt < 8 ? "retry" : "failed");
      if (result.kind === "retry") now = result.retryAt;
    }
    await fetch(`${standIns.mail().url}/_emulator/faults`, { method: "DELETE" });
    const [row] = await outboxOf(connection.id);
    expect(row).toMatchObject({ status: "failed", attempts: 8 });
    expect(row.lastError).toContain("(500)");
    expect(await standIns.mail().messagesTo(users[0].email)).toHaveLength(0);
    const failed = await db().connectionEvent.findFirst({
      where: { connectionId: connection.id, type: "email_failed" },
    });
    expect(failed?.detail).toBe(`Reconnect request to ${users[0].email} gave up after 8 attempt(s)`);
  });

  it("does not send a notice about an incident that ended before it went out", async () => {
    const { users, connection } = await brokenTeam(1);
    await breakIt(connection.id);
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "connected", source: "sweep" });
    expect(await drainOutbox(connection.id)).toEqual([]);
    const rows = await outboxOf(connection.id);
    // Nobody was told it broke, so nobody is told it recovered.
    expect(rows.map((row) => [row.kind, row.status])).toEqual([["connection_broken", "cancelled"]]);
    expect(await standIns.mail().messagesTo(users[0].email)).toHaveLength(0);
  });
});

describe("the confirmation after a repair", () => {
  it("tells every member who was told it broke that it was reconnected", async () => {
    const { users, connection } = await brokenTeam(2);
    await breakIt(connection.id);
    await drainOutbox(connection.id);
    const outcome = await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "connected",
      source: "reconnect",
      actorUserId: users[0].id,
    });
    expect(outcome.resolvedIncidentId).toEqual(expect.any(String));
    await drainOutbox(connection.id);
    for (const user of users) {
      const subjects = (await standIns.mail().messagesTo(user.email)).map((message) => message.subject);
      expect(subjects.sort()).toEqual([
        "Action needed: your gusto connection needs to be reconnected",
        "Reconnected: gusto is working again",
      ]);
    }
  });

  it("says 'reconnected' when Finch's webhook reports the repair before our callback stores the token", async () => {
    const { org, users, connection } = await brokenTeam(1);
    await breakIt(connection.id);
    await drainOutbox(connection.id);
    await createConnectAttempt({
      userId: users[0].id,
      organizationId: org.id,
      connectionId: connection.id,
      purpose: "reconnect",
    });
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "connected", source: "webhook" });
    await drainOutbox(connection.id);
    // The email waits for the callback's repair receipt, then carries it.
    expect(await standIns.mail().messagesTo(users[0].email)).toHaveLength(1);
    const incident = await db().incident.findFirstOrThrow({ where: { connectionId: connection.id } });
    await db().repairReceipt.create({
      data: {
        connectionId: connection.id,
        incidentId: incident.id,
        userId: users[0].id,
        checks: [
          { product: "company", ok: true, problem: null },
          { product: "employment", ok: false, problem: "permission missing" },
        ],
      },
    });
    await drainOutbox(connection.id, new Date(Date.now() + 60_000));
    const [latest] = await standIns.mail().messagesTo(users[0].email);
    expect(latest.subject).toBe("Reconnected: gusto is working again");
    expect(latest.text).toContain("Reconnected · Company ✓ · Employment ✗ (permission missing)");
    expect(latest.text).toContain(`reconnected by ${users[0].email}`);
  });

  it("says 'working again' when the connection recovered on its own", async () => {
    const { users, connection } = await brokenTeam(1);
    await breakIt(connection.id);
    await drainOutbox(connection.id);
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "connected", source: "sweep" });
    await drainOutbox(connection.id);
    const [latest] = await standIns.mail().messagesTo(users[0].email);
    expect(latest.subject).toBe("gusto is working again");
    expect(latest.text).toContain("recovered without anyone needing to sign in again");
  });

  it("sends a new notice when the connection breaks again later", async () => {
    const { users, connection } = await brokenTeam(1);
    await breakIt(connection.id);
    await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "connected",
      source: "reconnect",
    });
    await breakIt(connection.id, "sweep");
    await drainOutbox(connection.id);
    expect((await standIns.mail().messagesTo(users[0].email)).map((message) => message.subject)).toEqual([
      "Action needed: your gusto connection needs to be reconnected",
    ]);
    expect(await db().incident.count({ where: { connectionId: connection.id } })).toBe(2);
  });
});
