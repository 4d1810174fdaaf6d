import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/email/unsubscribe/route";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { getConnectionTimeline } from "@/lib/connections/get-connection-timeline";
import { db } from "@/lib/db";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { seedMember, setupNotificationStandIns } from "@/test/notifications-test-kit";
import { emailPreferenceToken, oneClickUnsubscribeUrl } from "./email-preference-links";
import { reconnectLinkUrl } from "./reconnect-link";
import { recordLinkOpened } from "./record-link-opened";
import { resolveReconnectLink } from "./resolve-reconnect-link";

const standIns = setupNotificationStandIns();

const DAY = 24 * 60 * 60 * 1000;

async function brokenConnectionWithLink() {
  const org = await seedOrganization();
  const [recipient, colleague] = [await seedMember(org.id, "owner"), await seedMember(org.id)];
  const connection = await seedConnection(standIns.finch(), org.id);
  await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "api_error" });
  const issuedAt = new Date();
  const token = new URL(
    reconnectLinkUrl({ connectionId: connection.id, userId: recipient.id, issuedAt }),
  ).pathname
    .split("/")
    .at(-1) as string;
  return { org, recipient, colleague, connection, token, issuedAt };
}

describe("the emailed reconnect link", () => {
  it("points at our app, not Finch, and leads its recipient to the reconnect page", async () => {
    const { recipient, connection, token, issuedAt } = await brokenConnectionWithLink();
    expect(reconnectLinkUrl({ connectionId: connection.id, userId: recipient.id, issuedAt })).toBe(
      `http://localhost:3000/reconnect/${token}`,
    );
    expect(await resolveReconnectLink({ token, userId: recipient.id })).toMatchObject({
      kind: "needs_reconnect",
      connectionId: connection.id,
      providerName: "gusto",
      services: expect.arrayContaining(["employee directory sync"]),
      incidentId: expect.any(String),
    });
  });

  it("keeps working for weeks, and says so once it has expired", async () => {
    const { recipient, token, issuedAt } = await brokenConnectionWithLink();
    expect(
      (
        await resolveReconnectLink({
          token,
          userId: recipient.id,
          now: new Date(issuedAt.getTime() + 29 * DAY),
        })
      ).kind,
    ).toBe("needs_reconnect");
    expect(
      (
        await resolveReconnectLink({
          token,
          userId: recipient.id,
          now: new Date(issuedAt.getTime() + 31 * DAY),
        })
      ).kind,
    ).toBe("expired");
  });

  it("refuses a tampered link, including one re-pointed at another connection or person", async () => {
    const { recipient, colleague, token } = await brokenConnectionWithLink();
    const other = await brokenConnectionWithLink();
    const [connectionId, userId, expiry, signature] = token.split(".");
    const forged = [
      [other.connection.id, userId, expiry, signature],
      [connectionId, colleague.id, expiry, signature],
      [connectionId, userId, (parseInt(expiry, 36) + 86_400).toString(36), signature],
      [connectionId, userId, expiry, `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`],
    ].map((parts) => parts.join("."));
    for (const candidate of [...forged, "garbage", ""]) {
      expect((await resolveReconnectLink({ token: candidate, userId: recipient.id })).kind).toBe("invalid");
    }
  });

  it("tells a colleague the link is not theirs, and a member of another organization nothing about the connection", async () => {
    const { colleague, connection, token } = await brokenConnectionWithLink();
    expect(await resolveReconnectLink({ token, userId: colleague.id })).toEqual({
      kind: "other_recipient",
      connectionId: connection.id,
    });
    const stranger = await seedMember((await seedOrganization()).id);
    expect(await resolveReconnectLink({ token, userId: stranger.id })).toEqual({
      kind: "other_organization",
    });
  });

  it("stops working for a recipient who left the organization", async () => {
    const { recipient, colleague, token } = await brokenConnectionWithLink();
    await db().membership.deleteMany({ where: { userId: recipient.id } });
    expect((await resolveReconnectLink({ token, userId: colleague.id })).kind).toBe("invalid");
  });

  it("says when there is nothing to reconnect", async () => {
    const { recipient, connection, token } = await brokenConnectionWithLink();
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "connected", source: "sweep" });
    expect(await resolveReconnectLink({ token, userId: recipient.id })).toMatchObject({
      kind: "healthy",
      connectionId: connection.id,
      providerName: "gusto",
    });
    await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "disconnected",
      source: "sweep",
    });
    // The page then shows the advice for the new cause, so it learns what Finch says.
    expect(await resolveReconnectLink({ token, userId: recipient.id })).toMatchObject({
      kind: "other_problem",
      finchStatus: "disconnected",
    });
    await db().connection.delete({ where: { id: connection.id } });
    expect((await resolveReconnectLink({ token, userId: recipient.id })).kind).toBe("not_found");
  });

  it("records one 'link opened' per recipient and incident, with who opened it", async () => {
    const { org, recipient, connection, token } = await brokenConnectionWithLink();
    const state = await resolveReconnectLink({ token, userId: recipient.id });
    if (state.kind !== "needs_reconnect") throw new Error(state.kind);
    const opened = {
      connectionId: connection.id,
      organizationId: org.id,
      userId: recipient.id,
      email: recipient.email,
      since: state.since,
    };
    await recordLinkOpened(opened);
    await recordLinkOpened(opened);
    const events = await db().connectionEvent.findMany({
      where: { connectionId: connection.id, type: "link_opened" },
    });
    expect(events.map((event) => event.detail)).toEqual([`Opened by ${recipient.email}`]);
    // Opening the link changed nothing else.
    expect((await db().connection.findUniqueOrThrow({ where: { id: connection.id } })).status).toBe(
      "needs_reauth",
    );
    expect(await db().connectAttempt.count({ where: { connectionId: connection.id } })).toBe(0);
  });
});

describe("one-click unsubscribe (RFC 8058)", () => {
  const post = (url: string) =>
    unsubscribePost(
      new NextRequest(url, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );

  it("unsubscribes on POST without a session, and again harmlessly", async () => {
    const user = await seedMember((await seedOrganization()).id);
    const url = oneClickUnsubscribeUrl(user.id, new Date());
    for (let i = 0; i < 2; i++) {
      const response = await post(url);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true, unsubscribed: "reminders" });
    }
    expect(
      (await db().emailPreference.findUniqueOrThrow({ where: { userId: user.id } })).remindersUnsubscribedAt,
    ).toBeInstanceOf(Date);
  });

  it("answers a bad token with a 400, never a 500, and changes nothing", async () => {
    const user = await seedMember((await seedOrganization()).id);
    const good = new URL(oneClickUnsubscribeUrl(user.id, new Date()));
    const snoozeToken = emailPreferenceToken(
      { kind: "snooze", userId: user.id, incidentId: "incident_1" },
      new Date(),
    );
    for (const token of [`${good.searchParams.get("token")}x`, snoozeToken, "", "a".repeat(5000)]) {
      const response = await post(
        `http://localhost:3000/api/email/unsubscribe?token=${encodeURIComponent(token)}`,
      );
      expect(response.status).toBe(400);
    }
    expect(await db().emailPreference.count({ where: { userId: user.id } })).toBe(0);
  });

  it("sends a GET to the confirmation page instead of acting on it", async () => {
    const user = await seedMember((await seedOrganization()).id);
    const url = oneClickUnsubscribeUrl(user.id, new Date());
    const response = unsubscribeGet(new NextRequest(url));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      url.replace("/api/email/unsubscribe", "/email/unsubscribe"),
    );
    expect(await db().emailPreference.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the connection timeline", () => {
  it("is only visible to the connection's own organization", async () => {
    const { org, connection } = await brokenConnectionWithLink();
    expect(
      (await getConnectionTimeline({ connectionId: connection.id, organizationId: org.id }))?.events.map(
        (event) => event.type,
      ),
    ).toContain("broken");
    expect(
      await getConnectionTimeline({
        connectionId: connection.id,
        organizationId: (await seedOrganization()).id,
      }),
    ).toBeNull();
  });
});
