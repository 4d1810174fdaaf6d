import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { expectRepairHours } from "@/test/expect-repair-hours";
import { removeFleetAtScale, SCALE_PROVIDERS, seedFleetAtScale } from "@/test/seed-fleet-at-scale";
import { foldFleetCounts } from "./compact-rollups";
import { parseFleetFilters } from "./fleet-filters";
import { getFleetOverview } from "./get-fleet-overview";
import { getRepairFunnel } from "./get-repair-funnel";
import { fleetWhere } from "./fleet-where";
import { brokenConnectionsPageSql, listBrokenConnections } from "./list-broken-connections";
import { fleetHealthSql, readFleetHealth } from "./read-fleet-health";

const N = 100_000;
const tag = `s${crypto.randomBytes(3).toString("hex")}`;
const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const DAY = 24 * 3_600_000;
const range = Array.from({ length: N }, (_, i) => i + 1);
const providerOf = (g: number) => `${tag}_${SCALE_PROVIDERS[Math.floor(g / 7) % 5]}`;
const isBroken = (g: number) => g % 5 === 0;

function percentile(sorted: number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  return sorted[low] + (sorted[Math.ceil(position)] - sorted[low]) * (position - low);
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label}: ${Math.round(performance.now() - started)} ms`);
  return result;
}

/** The overview's counts, against the plain aggregate over "Connection" it replaced. */
async function expectCountersToMatchTheTable() {
  const overview = await getFleetOverview({ now });
  const day = (days: number) => new Date(now.getTime() - days * DAY);
  const [age] = await db().$queryRaw<Record<string, bigint>[]>`
    SELECT count(*) FILTER (WHERE "statusSince" > ${day(1)}) AS under_1d,
           count(*) FILTER (WHERE "statusSince" <= ${day(1)} AND "statusSince" > ${day(3)}) AS "1_3d",
           count(*) FILTER (WHERE "statusSince" <= ${day(3)} AND "statusSince" > ${day(7)}) AS "3_7d",
           count(*) FILTER (WHERE "statusSince" <= ${day(7)}) AS over_7d
      FROM "Connection" WHERE status <> 'healthy'`;
  expect(overview.byAge).toEqual(Object.fromEntries(Object.entries(age).map(([k, v]) => [k, Number(v)])));
  const byStatus = await db().$queryRaw<{ status: string; count: bigint }[]>`
    SELECT status::text AS status, count(*) AS count FROM "Connection" GROUP BY status`;
  expect(Object.fromEntries(overview.byStatus.map((row) => [row.status, row.count]))).toEqual(
    Object.fromEntries(byStatus.map((row) => [row.status, Number(row.count)])),
  );
}

beforeAll(async () => {
  await timed(`seeding ${N} connections`, () => seedFleetAtScale(db(), { tag, connections: N, now }));
}, 300_000);
// The other files share this database: a fleet left behind would slow every later scan of it.
afterAll(async () => {
  await removeFleetAtScale(db(), tag);
  await db().$disconnect();
}, 300_000);

describe("the operator console with 100,000 connections", () => {
  it("counts the fleet by provider, status and age", async () => {
    const overview = await timed("overview", () => getFleetOverview({ now }));
    const ours = overview.byProvider.filter((row) => row.providerId.startsWith(`${tag}_`));
    expect(ours).toHaveLength(5);
    for (const row of ours) {
      expect(row.total).toBe(range.filter((g) => providerOf(g) === row.providerId).length);
      expect(row.broken).toBe(range.filter((g) => isBroken(g) && providerOf(g) === row.providerId).length);
    }
    expect(overview.total).toBeGreaterThanOrEqual(N);
    expect(overview.byAge.over_7d).toBeGreaterThanOrEqual(
      range.filter((g) => isBroken(g) && g % 240 >= 168).length,
    );
    // The counters agree exactly with counting the table itself (every file's connections included).
    await expectCountersToMatchTheTable();
    // Still so after a few changes (one repaired, one broken: the later tests see the same totals), and
    // after folding the counters' delta rows.
    await db().$executeRaw`UPDATE "Connection" SET status = 'healthy', "statusSince" = ${now}
      WHERE id = ${`${tag}c5`}`;
    await db()
      .$executeRaw`UPDATE "Connection" SET status = 'error', "statusSince" = ${new Date(now.getTime() - 2 * DAY - 1000)}
      WHERE id = ${`${tag}c11`}`;
    await expectCountersToMatchTheTable();
    await foldFleetCounts();
    await expectCountersToMatchTheTable();
  });

  it("filters, searches and pages the broken connections", async () => {
    const provider = `${tag}_gusto`;
    const filters = parseFleetFilters({ provider, age: "over_7d" });
    const expected = range.filter((g) => isBroken(g) && providerOf(g) === provider && g % 240 >= 168);
    const first = await timed("broken connections, first page", () =>
      listBrokenConnections({ filters, now }),
    );
    expect(first.total).toBe(expected.length);
    expect(first.rows).toHaveLength(50);
    expect(
      first.rows.every(
        (row) => row.providerId === provider && row.since <= new Date(now.getTime() - 7 * DAY),
      ),
    ).toBe(true);
    const lastPage = Math.ceil(expected.length / 50);
    const last = await timed("broken connections, last page", () =>
      listBrokenConnections({ filters: { ...filters, page: lastPage }, now }),
    );
    expect(last.rows).toHaveLength(expected.length - (lastPage - 1) * 50);
    const anyBroken = await timed("broken connections, whole fleet", () =>
      listBrokenConnections({ filters: parseFleetFilters({}), now }),
    );
    expect(anyBroken.total).toBeGreaterThanOrEqual(N / 5);

    const search = await listBrokenConnections({
      filters: parseFleetFilters({ q: `owner7@${tag}.scale.test` }),
      now,
    });
    expect(search.rows.map((row) => row.connectionId)).toEqual([`${tag}c35`]);
    // g = 35: its notice was delivered and its link opened (g mod 10 = 5, g mod 3 ≠ 0), no Connect.
    expect(search.rows[0]).toMatchObject({ emailsDelivered: 1, linkOpened: true, reconnectAttempts: 0 });
  });

  it("reads the Fleet health page in one statement as the separate reads do", async () => {
    const provider = `${tag}_gusto`;
    for (const query of [{}, { provider, page: "3" }, { age: "1_3d" }, { q: `owner7@${tag}.scale.test` }]) {
      const filters = parseFleetFilters(query);
      const [overview, broken] = await Promise.all([
        getFleetOverview({ now }),
        listBrokenConnections({ filters, now }),
      ]);
      expect(await readFleetHealth({ filters, now }), JSON.stringify(query)).toEqual({ overview, broken });
    }
  });

  it("writes the page's bounds into the statement, so a prepared statement's generic plan knows them", () => {
    // With `LIMIT $1` the generic plan is made for a tenth of the table: PostgreSQL then plans the
    // statement on every visit instead (bench/README.md, "The console in one statement").
    const statement = fleetHealthSql(parseFleetFilters({ page: "3" }), now);
    expect(statement.text).toContain("LIMIT 50 OFFSET 100");
    const where = fleetWhere(parseFleetFilters({}), now);
    expect(() => brokenConnectionsPageSql({ where, counters: null, limit: 50, offset: -1 })).toThrow(
      RangeError,
    );
  });

  it("computes the repair funnel over the fleet", async () => {
    const from = new Date(now.getTime() - 28 * DAY);
    const funnel = await timed("funnel (28 days)", () =>
      getRepairFunnel({ from, to: new Date(now.getTime() + 3_600_000) }),
    );
    const open = range.filter(isBroken);
    const resolved = range.filter((g) => g % 10 === 1 && (g % 30) + 1 <= 28);
    const engaged = range.filter((g) => g % 10 === 5);
    const sum = (key: "broke" | "notified" | "engaged" | "connectOpened" | "reconnected") =>
      funnel.byProvider
        .filter((row) => row.providerName.startsWith(`${tag}_`))
        .reduce((total, row) => total + row[key], 0);
    expect(sum("broke")).toBe(open.length + resolved.length);
    expect(sum("notified")).toBe(open.length);
    expect(sum("engaged")).toBe(engaged.length);
    expect(sum("connectOpened")).toBe(engaged.filter((g) => g % 3 === 0).length);
    expect(sum("reconnected")).toBe(resolved.length);
    // Times per provider of this fleet (providers rotate every 7 rows): other test files may repair
    // connections in the same days, so the overall times are not this fleet's alone.
    SCALE_PROVIDERS.forEach((name, index) => {
      const row = funnel.byProvider.find((provider) => provider.providerName === `${tag}_${name}`);
      const repairHours = resolved
        .filter((g) => Math.floor(g / 7) % 5 === index)
        .map((g) => (g % 48) + 1)
        .sort((a, b) => a - b);
      expectRepairHours(row?.medianHours ?? null, percentile(repairHours, 0.5));
      expectRepairHours(row?.p90Hours ?? null, percentile(repairHours, 0.9));
    });
  });
});
