import { describe, expect, it } from "vitest";
import type { CurrentMember } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { seedMember } from "@/test/notifications-test-kit";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { connectionsEtag } from "./connections-etag";
import { countFailedAttempts, recordFailedAttempt } from "./failed-attempts";
import { HAND_OFFS_PER_PROBLEM, handOffRepair } from "@/lib/notifications/hand-off-repair";

const finch = finchForTestFile();

async function brokenConnection() {
  const org = await seedOrganization();
  const connection = await seedConnection(finch(), org.id);
  const user = await seedMember(org.id, "member");
  await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "sweep" });
  const member: CurrentMember = {
    id: user.id,
    email: user.email,
    role: "member",
    organization: { id: org.id, name: org.name },
  };
  return { connection, member, org };
}

const events = (connectionId: string, type: string) =>
  db().connectionEvent.findMany({
    where: { connectionId, type },
    orderBy: { createdAt: "asc" },
    select: { detail: true },
  });

describe("the guard on failed Connect attempts", () => {
  it("counts each failed attempt per problem and notes the help once, at the second", async () => {
    const { connection, member } = await brokenConnection();
    const base = {
      connectionId: connection.id,
      organizationId: connection.organizationId,
      userId: member.id,
    };
    const etagBefore = await connectionsEtag(connection.organizationId);
    expect(
      await recordFailedAttempt({
        ...base,
        outcome: "error",
        message: "Incorrect username or password for Gusto.",
      }),
    ).toEqual({ failedAttempts: 1 });
    expect(
      await recordFailedAttempt({ ...base, outcome: "error", message: "Bad\u0000password \ud800" }),
    ).toEqual({ failedAttempts: 2 });
    expect(await recordFailedAttempt({ ...base, outcome: "closed" })).toEqual({ failedAttempts: 3 });
    expect((await events(connection.id, "connect_attempt_failed")).map((e) => e.detail)).toEqual([
      "Attempt 1 ended with an error: Incorrect username or password for Gusto.",
      "Attempt 2 ended with an error: Bad password  ",
      "Attempt 3 was closed without finishing",
    ]);
    expect(await events(connection.id, "repair_help_offered")).toHaveLength(1);
    // The polling banner sees the new count (its ETag follows the connection row).
    expect(await connectionsEtag(connection.organizationId)).not.toBe(etagBefore);

    // A new problem starts a new count.
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "connected", source: "sweep" });
    expect(await recordFailedAttempt({ ...base, outcome: "closed" })).toEqual({ failedAttempts: 0 });
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "sweep" });
    const row = await db().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect((await countFailedAttempts([row])).get(connection.id)).toBe(0);
  });

  it("refuses another organization's connection", async () => {
    const { connection, member } = await brokenConnection();
    const other = await seedOrganization();
    await expect(
      recordFailedAttempt({
        connectionId: connection.id,
        organizationId: other.id,
        userId: member.id,
        outcome: "closed",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("handing the repair to a colleague", () => {
  it("invites the colleague, queues their reconnect email, notes it, and stops after the limit", async () => {
    const { connection, member, org } = await brokenConnection();
    const sent = await handOffRepair({ member, connectionId: connection.id, email: " Pat@Example.com " });
    expect(sent).toEqual({ sentTo: "pat@example.com" });
    expect(
      await db().invitation.findFirst({ where: { organizationId: org.id, email: "pat@example.com" } }),
    ).toMatchObject({ acceptedAt: null });
    const outbox = await db().emailOutbox.findMany({
      where: { connectionId: connection.id, kind: "repair_handoff" },
    });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to: "pat@example.com", payload: { fromEmail: member.email } });
    expect((await events(connection.id, "handed_off")).map((e) => e.detail)).toEqual([
      `${member.email} asked pat@example.com to reconnect (invited to join)`,
    ]);

    for (let i = 1; i < HAND_OFFS_PER_PROBLEM; i++)
      await handOffRepair({ member, connectionId: connection.id, email: `colleague${i}@example.com` });
    await expect(
      handOffRepair({ member, connectionId: connection.id, email: "one-too-many@example.com" }),
    ).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("refuses a bad address, oneself, and a working connection with clear 4xx errors", async () => {
    const { connection, member } = await brokenConnection();
    await expect(
      handOffRepair({ member, connectionId: connection.id, email: "not-an-email" }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(
      handOffRepair({ member, connectionId: connection.id, email: member.email }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "connected", source: "sweep" });
    await expect(
      handOffRepair({ member, connectionId: connection.id, email: "pat@example.com" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
