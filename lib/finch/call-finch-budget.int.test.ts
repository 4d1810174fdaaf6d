import { describe, expect, it } from "vitest";
import { syncCompanyData } from "@/lib/finch/sync-company-data";
import { AppError } from "@/lib/errors";
import { getFinchBudgetUsage } from "@/lib/finch/budget/get-finch-budget-usage";
import { resetFinchBudget } from "@/lib/finch/budget/reset-finch-budget";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";

const finch = finchForTestFile({ resetBudget: true });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("the gateway and the shared budget", () => {
  it("after Finch's 429 on a product, pauses that product for every caller without calling Finch again", async () => {
    const org = await seedOrganization();
    const connection = await seedConnection(finch(), org.id);
    await finch().control("POST", "/_emulator/faults", {
      path: "/employer/company",
      status: 429,
      retryAfterSeconds: 30,
    });

    const first = await failure(syncCompanyData({ connectionId: connection.id, organizationId: org.id }));
    expect(first).toMatchObject({ code: "rate_limited", retryAfterSeconds: 30 });
    expect(first.message).toContain("finch 429 finch_application_rl");
    const company = (await getFinchBudgetUsage()).find((c) => c.key === "product:company");
    expect(company?.pausedUntil?.getTime()).toBeGreaterThan(Date.now() + 25_000);
    expect(company?.finch429s).toBe(1);

    // The fault is used up, so Finch would answer now; the budget holds the call back instead.
    const held = await failure(syncCompanyData({ connectionId: connection.id, organizationId: org.id }));
    expect(held.code).toBe("rate_limited");
    expect(held.message).toContain("held back by the budget (paused)");
    expect((await finch().control<{ faults: unknown[] }>("GET", "/_emulator/faults")).faults).toHaveLength(0);
    // Other products and the IP class carry on: a connection check still works.
    const { introspectConnection } = await import("./introspect-connection");
    expect(await introspectConnection(connection.accessToken)).toEqual({
      kind: "status",
      finchStatus: "connected",
    });
    await resetFinchBudget();
    await expect(
      syncCompanyData({ connectionId: connection.id, organizationId: org.id }),
    ).resolves.toMatchObject({
      employeeCount: expect.any(Number),
    });
  });
});
