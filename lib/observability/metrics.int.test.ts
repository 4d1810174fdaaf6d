import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { POST as webhook } from "@/app/api/finch/webhook/route";
import { db, queryRows } from "@/lib/db";
import { budgetClass } from "@/lib/finch/budget/budget-classes";
import {
  budgetUsageQuery,
  getFinchBudgetUsage,
  type BudgetUsageRow,
} from "@/lib/finch/budget/get-finch-budget-usage";
import { pauseBudgetClass } from "@/lib/finch/budget/pause-budget-class";
import { FLEET_GAUGES_SQL } from "@/lib/ops/fleet-metrics";
import { parsePrometheusText, sampleValue, type Exposition } from "@/test/prometheus-text";
import { accountUpdated, signedWebhookRequest } from "@/test/finch-test-kit";

const P = "payroll_connections_";

async function scrape(): Promise<Exposition> {
  // The fleet gauges are cached for a few seconds; each read here wants the database as it is now.
  (globalThis as { payrollFleet?: unknown }).payrollFleet = undefined;
  const response = await GET(new Request("http://localhost:3000/api/metrics"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return parsePrometheusText(await response.text());
}

const tag = crypto.randomBytes(4).toString("hex");
const provider = `metrics-${tag}`;

/** Forgets every row of the pay statement class, which no other test calls. */
async function forgetPayStatementBudget() {
  const rows = { key: { startsWith: "product:pay_statement:" } };
  await db().finchBudgetBucket.deleteMany({ where: rows });
  await db().finchBudgetLane.deleteMany({ where: rows });
}

async function seed() {
  await forgetPayStatementBudget();
  const org = await db().organization.create({ data: { name: `Metrics ${tag}` } });
  const user = await db().user.create({ data: { email: `m-${tag}@example.com` } });
  const connection = (i: number, status: "healthy" | "needs_reauth") =>
    db().connection.create({
      data: {
        organizationId: org.id,
        finchConnectionId: `fc-${tag}-${i}`,
        providerId: provider,
        providerName: provider,
        status,
        accessTokenCiphertext: "unused",
        accessTokenKeyId: "none",
      },
    });
  const [, broken1, broken2] = [
    await connection(1, "healthy"),
    await connection(2, "needs_reauth"),
    await connection(3, "needs_reauth"),
  ];
  for (const broken of [broken1, broken2])
    await db().incident.create({
      data: { connectionId: broken.id, source: "sweep", providerName: provider },
    });
  const oldest = new Date(Date.now() - 600_000);
  for (const [i, createdAt] of [oldest, new Date()].entries())
    await db().emailOutbox.create({
      data: {
        dedupeKey: `metrics:${tag}:${i}`,
        kind: `metrics_test_${tag}`,
        organizationId: org.id,
        connectionId: broken1.id,
        userId: user.id,
        to: user.email,
        createdAt,
      },
    });
}

describe("GET /api/metrics", () => {
  it("exposes the fleet, Finch, webhook and process series with values that match the database", async () => {
    const before = await scrape();
    await seed();
    const eventId = `msg_${crypto.randomBytes(8).toString("hex")}`;
    const good = signedWebhookRequest(accountUpdated(`unknown-${tag}`, "connected"), { eventId });
    expect((await webhook(good)).status).toBe(200);
    const bad = signedWebhookRequest(accountUpdated(`unknown-${tag}`, "connected"), {
      tamper: (b) => `${b} `,
    });
    expect((await webhook(bad)).status).toBe(401);
    const after = await scrape();

    expect(after.types.get(`${P}connections`)).toBe("gauge");
    const delta = (exposition: Exposition, status: string) =>
      sampleValue(exposition, `${P}connections`, { status }) ?? 0;
    expect(delta(after, "healthy") - delta(before, "healthy")).toBe(1);
    expect(delta(after, "needs_reauth") - delta(before, "needs_reauth")).toBe(2);
    expect(sampleValue(after, `${P}incidents_open`, { provider })).toBe(2);
    expect(sampleValue(after, `${P}outbox_pending`, { kind: `metrics_test_${tag}` })).toBe(2);
    const age = sampleValue(after, `${P}outbox_oldest_age_seconds`, { kind: `metrics_test_${tag}` });
    expect(age).toBeGreaterThanOrEqual(599);
    expect(age).toBeLessThan(700);
    expect(sampleValue(after, `${P}sweep_worst_staleness_seconds`)).toBeGreaterThanOrEqual(0);
    expect(sampleValue(after, `${P}finch_budget_available`, { class: "ip" })).toBeGreaterThan(0);
    // A class no call ever used: both its lanes are rolling windows with their whole share free.
    expect(sampleValue(after, `${P}finch_budget_available`, { class: "product:pay_statement" })).toBe(
      budgetClass("product:pay_statement").budget,
    );
    const webhooks = (exposition: Exposition, outcome: string) =>
      sampleValue(exposition, `${P}webhooks_received_total`, { outcome }) ?? 0;
    expect(webhooks(after, "ignored") - webhooks(before, "ignored")).toBe(1);
    expect(webhooks(after, "rejected") - webhooks(before, "rejected")).toBe(1);
    expect(after.types.get(`${P}finch_requests_total`)).toBe("counter");
    expect(after.types.get(`${P}finch_rate_limited_total`)).toBe("counter");
    expect(after.types.get(`${P}jobs_failed_total`)).toBe("counter");
    expect(sampleValue(after, `${P}process_cpu_user_seconds_total`)).toBeGreaterThan(0);
  });

  it("reads the budget in its one statement as the console's own read does, a paused class included", async () => {
    const paused = await pauseBudgetClass({ path: "/employer/pay-statement", retryAfterSeconds: 120 });
    expect(paused?.key).toBe("product:pay_statement");
    try {
      const after = await scrape();
      expect(sampleValue(after, `${P}finch_budget_available`, { class: "product:pay_statement" })).toBe(0);
      // Through JSON a timestamp is UTC text without its zone and a bigint a number: the same usage all the same.
      const query = budgetUsageQuery();
      const [row] = await queryRows<{ budget: BudgetUsageRow[] }>({
        text: FLEET_GAUGES_SQL,
        values: query.values,
      });
      const viaJson = query.toUsage(row.budget).find((c) => c.key === "product:pay_statement");
      const viaClient = (await getFinchBudgetUsage()).find((c) => c.key === "product:pay_statement");
      expect(viaJson?.pausedUntil?.getTime()).toBeGreaterThan(Date.now() + 100_000);
      expect(viaJson).toEqual(viaClient);
    } finally {
      await forgetPayStatementBudget();
    }
  });
});
