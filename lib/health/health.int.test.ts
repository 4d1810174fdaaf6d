import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedOrganization, uniqueSuffix } from "@/test/finch-test-kit";
import { connectionHealth } from "./connection-health";
import { healthPeriods } from "./health-periods";
import { organizationHealth } from "./organization-health";

afterAll(() => db().$disconnect());

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = new Date("2026-06-30T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

async function seedHistory(
  organizationId: string,
  createdAt: Date,
  incidents: { start: Date; end: Date | null }[],
) {
  const connection = await db().connection.create({
    data: {
      organizationId,
      finchConnectionId: `conn-${uniqueSuffix()}`,
      providerId: "gusto",
      providerName: "Gusto",
      accessTokenCiphertext: "unused",
      accessTokenKeyId: "k1",
      createdAt,
    },
    select: { id: true },
  });
  await db().incident.createMany({
    data: incidents.map(({ start, end }) => ({
      connectionId: connection.id,
      source: "webhook" as const,
      startedAt: start,
      resolvedAt: end,
    })),
  });
  return connection.id;
}

describe("a connection's health record", () => {
  it("matches hand-computed figures on seeded incidents", async () => {
    const org = await seedOrganization();
    // Watched for 200 days. Incidents (durations): 100 days ago, 10 h (outside 90 days entirely);
    // 60 days ago, 12 h; 20 days ago, 2 h; 5 days ago, 6 h; and one open for the last 4 h.
    const id = await seedHistory(org.id, ago(200 * DAY), [
      { start: ago(100 * DAY), end: ago(100 * DAY - 10 * HOUR) },
      { start: ago(60 * DAY), end: ago(60 * DAY - 12 * HOUR) },
      { start: ago(20 * DAY), end: ago(20 * DAY - 2 * HOUR) },
      { start: ago(5 * DAY), end: ago(5 * DAY - 6 * HOUR) },
      { start: ago(4 * HOUR), end: null },
    ]);
    const health = await connectionHealth({ connectionId: id, organizationId: org.id, now: NOW });
    // 30 days = 720 h; down 2 + 6 + 4 = 12 h → 708 / 720.
    expect(health?.uptime30).toBeCloseTo(708 / 720, 9);
    // 90 days = 2160 h; down 12 + 2 + 6 + 4 = 24 h → 2136 / 2160.
    expect(health?.uptime90).toBeCloseTo(2136 / 2160, 9);
    expect(health?.incidents90).toBe(4);
    // Resolved within 90 days: 12 h, 2 h, 6 h → median 6 h.
    expect(health?.medianRepairSeconds).toBe(6 * 3600);
    expect(health?.longestOutageSeconds).toBe(12 * 3600);
    expect(health?.since90.toISOString()).toBe(ago(90 * DAY).toISOString());
  });

  it("counts only the part of an outage inside the window, and a young connection on its own lifetime", async () => {
    const org = await seedOrganization();
    // Broke 31 days ago for 48 h: 24 h of it falls inside the last 30 days.
    const old = await seedHistory(org.id, ago(120 * DAY), [{ start: ago(31 * DAY), end: ago(29 * DAY) }]);
    const health = await connectionHealth({ connectionId: old, organizationId: org.id, now: NOW });
    expect(health?.uptime30).toBeCloseTo(1 - 24 / 720, 9);
    expect(health?.uptime90).toBeCloseTo(1 - 48 / 2160, 9);
    expect(health?.medianRepairSeconds).toBe(48 * 3600);

    // Created 10 days ago (240 h), broken 1 + 3 + 20 = 24 h of them; the median repair is 3 h.
    const young = await seedHistory(org.id, ago(10 * DAY), [
      { start: ago(9 * DAY), end: ago(9 * DAY - 1 * HOUR) },
      { start: ago(8 * DAY), end: ago(8 * DAY - 3 * HOUR) },
      { start: ago(3 * DAY), end: ago(3 * DAY - 20 * HOUR) },
    ]);
    const youngHealth = await connectionHealth({ connectionId: young, organizationId: org.id, now: NOW });
    expect(youngHealth?.uptime30).toBeCloseTo(1 - 24 / 240, 9);
    expect(youngHealth?.uptime90).toBeCloseTo(1 - 24 / 240, 9);
    expect(youngHealth?.medianRepairSeconds).toBe(3 * 3600);
    expect(youngHealth?.longestOutageSeconds).toBe(20 * 3600);
  });

  it("is perfect with no incidents, and refuses another organization", async () => {
    const org = await seedOrganization();
    const other = await seedOrganization();
    const id = await seedHistory(org.id, ago(40 * DAY), []);
    expect(await connectionHealth({ connectionId: id, organizationId: org.id, now: NOW })).toMatchObject({
      uptime30: 1,
      uptime90: 1,
      incidents90: 0,
      medianRepairSeconds: null,
      longestOutageSeconds: null,
    });
    expect(await connectionHealth({ connectionId: id, organizationId: other.id, now: NOW })).toBeNull();
  });

  it("lists the broken periods that overlap the window for the chart", async () => {
    const org = await seedOrganization();
    const id = await seedHistory(org.id, ago(200 * DAY), [
      { start: ago(100 * DAY), end: ago(99 * DAY) },
      { start: ago(91 * DAY), end: ago(89 * DAY) },
      { start: ago(HOUR), end: null },
    ]);
    const periods = await healthPeriods({ connectionId: id, since: ago(90 * DAY), now: NOW });
    expect(periods).toEqual([
      { start: ago(91 * DAY), end: ago(89 * DAY) },
      { start: ago(HOUR), end: null },
    ]);
  });
});

describe("an organization's health summary", () => {
  it("adds its connections' downtime over the time they were watched", async () => {
    const org = await seedOrganization();
    // A: 30 days watched, 6 h + 2 h down. B: 10 days watched, 4 h down and still broken.
    await seedHistory(org.id, ago(50 * DAY), [
      { start: ago(40 * DAY), end: ago(39 * DAY) },
      { start: ago(10 * DAY), end: ago(10 * DAY - 6 * HOUR) },
      { start: ago(3 * DAY), end: ago(3 * DAY - 2 * HOUR) },
    ]);
    await seedHistory(org.id, ago(10 * DAY), [{ start: ago(4 * HOUR), end: null }]);
    const summary = await organizationHealth({ organizationId: org.id, now: NOW });
    expect(summary).toMatchObject({
      connections: 2,
      incidents30: 3,
      openIncidents: 1,
      medianRepairSeconds: 4 * 3600,
    });
    expect(summary.uptime30).toBeCloseTo(1 - 12 / (720 + 240), 9);
  });
});
