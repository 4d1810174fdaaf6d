import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { expectRepairHours } from "@/test/expect-repair-hours";
import { seedOrganization } from "@/test/finch-test-kit";
import { getRepairFunnel, type FunnelCounts } from "./get-repair-funnel";

afterAll(() => db().$disconnect());

const HOUR = 3_600_000;
const tag = crypto.randomBytes(3).toString("hex");

interface SeededIncident {
  provider: string;
  source: "webhook" | "sweep" | "api_error";
  startedAt: string;
  repairHours?: number;
  emailSent?: boolean;
  events?: { type: string; source?: string; afterHours: number }[];
}

async function seedIncident(spec: SeededIncident) {
  const org = await seedOrganization();
  const user = await db().user.create({ data: { email: `funnel-${crypto.randomUUID()}@example.com` } });
  const startedAt = new Date(spec.startedAt);
  const connection = await db().connection.create({
    data: {
      organizationId: org.id,
      finchConnectionId: `conn_${crypto.randomBytes(8).toString("hex")}`,
      providerId: spec.provider,
      providerName: spec.provider,
      accessTokenCiphertext: "unused",
      accessTokenKeyId: "none",
    },
  });
  const incident = await db().incident.create({
    data: {
      connectionId: connection.id,
      source: spec.source,
      startedAt,
      resolvedAt: spec.repairHours ? new Date(startedAt.getTime() + spec.repairHours * HOUR) : null,
    },
  });
  await db().emailOutbox.create({
    data: {
      dedupeKey: `broken:${incident.id}:${user.id}`,
      kind: "connection_broken",
      organizationId: org.id,
      connectionId: connection.id,
      incidentId: incident.id,
      userId: user.id,
      to: user.email,
      status: spec.emailSent === false ? "failed" : "sent",
    },
  });
  for (const event of spec.events ?? []) {
    await db().connectionEvent.create({
      data: {
        connectionId: connection.id,
        organizationId: org.id,
        type: event.type,
        source: event.source,
        createdAt: new Date(startedAt.getTime() + event.afterHours * HOUR),
      },
    });
  }
}

/** The counts as they are; the times within the rollup histogram's stated accuracy (see expectRepairHours). */
function expectCounts(
  actual: FunnelCounts | undefined,
  { medianHours, p90Hours, ...counts }: Partial<FunnelCounts>,
): void {
  expect(actual).toMatchObject(counts);
  if (medianHours !== undefined) expectRepairHours(actual?.medianHours, medianHours);
  if (p90Hours !== undefined) expectRepairHours(actual?.p90Hours, p90Hours);
}

describe("the repair funnel", () => {
  it("counts each step, conversion times and splits as computed by hand", async () => {
    const a = `alpha_${tag}`;
    const b = `beta_${tag}`;
    // A: emailed, link opened, Connect opened from the email, repaired in 2 h.
    await seedIncident({
      provider: a,
      source: "webhook",
      startedAt: "2020-03-02T10:00:00Z",
      repairHours: 2,
      events: [
        { type: "link_opened", afterHours: 0.5 },
        { type: "connect_started", source: "email", afterHours: 1 },
      ],
    });
    // B: emailed, the dashboard's Reconnect button (engaged and Connect opened), repaired in 10 h.
    await seedIncident({
      provider: a,
      source: "sweep",
      startedAt: "2020-03-03T00:00:00Z",
      repairHours: 10,
      events: [{ type: "connect_started", source: "dashboard", afterHours: 9 }],
    });
    // C: emailed, link opened, still broken.
    await seedIncident({
      provider: b,
      source: "webhook",
      startedAt: "2020-03-09T00:00:00Z",
      events: [{ type: "link_opened", afterHours: 3 }],
    });
    // D: the email failed; nothing else.
    await seedIncident({
      provider: b,
      source: "api_error",
      startedAt: "2020-03-10T00:00:00Z",
      emailSent: false,
    });
    // E: emailed, recovered after 30 h with no engagement; a link opened before it broke does not count.
    await seedIncident({
      provider: a,
      source: "webhook",
      startedAt: "2020-03-11T00:00:00Z",
      repairHours: 30,
      events: [{ type: "link_opened", afterHours: -5 }],
    });
    // Outside the range: ignored.
    await seedIncident({ provider: a, source: "webhook", startedAt: "2020-04-01T00:00:00Z", repairHours: 1 });

    const funnel = await getRepairFunnel({
      from: new Date("2020-03-01T00:00:00Z"),
      to: new Date("2020-03-15T00:00:00Z"),
    });
    expectCounts(funnel.overall, {
      broke: 5,
      notified: 4,
      engaged: 3,
      connectOpened: 2,
      reconnected: 3,
      medianHours: 10,
      p90Hours: 26, // 10 + 0.8 × (30 − 10)
    });
    expect(funnel.byProvider.map((row) => row.providerName)).toEqual([a, b]);
    expectCounts(funnel.byProvider[0], {
      broke: 3,
      notified: 3,
      engaged: 2,
      connectOpened: 2,
      reconnected: 3,
      medianHours: 10,
      p90Hours: 26,
    });
    expectCounts(funnel.byProvider[1], {
      broke: 2,
      notified: 1,
      engaged: 1,
      connectOpened: 0,
      reconnected: 0,
      medianHours: null,
      p90Hours: null,
    });
    const byPath = Object.fromEntries(
      funnel.byDetectionPath.map(({ detectionPath, ...rest }) => [detectionPath, rest]),
    );
    expectCounts(byPath.webhook, {
      broke: 3,
      notified: 3,
      engaged: 2,
      connectOpened: 1,
      reconnected: 2,
      medianHours: 16,
      p90Hours: 27.2,
    });
    expectCounts(byPath.sweep, {
      broke: 1,
      engaged: 1,
      connectOpened: 1,
      reconnected: 1,
      medianHours: 10,
    });
    expectCounts(byPath.api_error, { broke: 1, notified: 0, reconnected: 0, medianHours: null });
    expect(funnel.byWeek.map((week) => week.week.toISOString().slice(0, 10))).toEqual([
      "2020-03-02",
      "2020-03-09",
    ]);
    expectCounts(funnel.byWeek[0], { broke: 2, reconnected: 2, medianHours: 6, p90Hours: 9.2 });
    expectCounts(funnel.byWeek[1], { broke: 3, reconnected: 1, medianHours: 30, p90Hours: 30 });
  });
});
