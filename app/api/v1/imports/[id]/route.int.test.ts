// Bulk imports: POST /api/v1/connections/import with items (202), the job that works them (run here by
// hand, as a worker would), and GET /api/v1/imports/{id}'s report.
import { beforeEach, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/connections/import/route";
import { GET as reportRoute } from "@/app/api/v1/imports/[id]/route";
import type { ImportReport } from "@/lib/api/contract/import-report";
import { db } from "@/lib/db";
import { resetFinchBudget } from "@/lib/finch/budget/reset-finch-budget";
import { claimImportItems } from "@/lib/imports/import-items-sql";
import { runImportJob } from "@/lib/imports/run-import-job";
import { apiKeyForTests, callApi } from "@/test/api-test-kit";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { uniqueSuffix } from "@/test/finch-test-kit";

const finch = finchForTestFile({ resetBudget: true });
beforeEach(() => finch().control("DELETE", "/_emulator/faults"));

type Report = { import: ImportReport };

const item = (externalId: string, accessToken: string) => ({
  organization: { external_id: externalId, name: `Customer ${externalId}` },
  access_token: accessToken,
});
const tokens = async (count: number) =>
  Promise.all(
    Array.from({ length: count }, async () => {
      const created = await finch().sdk.sandbox.connections.create({
        provider_id: "gusto",
        employee_size: 3,
      });
      return { token: created.access_token, finchConnectionId: created.connection_id };
    }),
  );

async function startImport(items: unknown[]): Promise<string> {
  const { key } = await apiKeyForTests(["connections:write"]);
  const answer = await callApi<{ import: { id: string; status: string } }>(importRoute, {
    url: "/api/v1/connections/import",
    key,
    body: { items },
  });
  expect(answer.status).toBe(202);
  expect(answer.body.import.status).toBe("queued");
  return answer.body.import.id;
}

async function report(
  id: string,
  scopes: ("connections:read" | "connections:write")[] = ["connections:read"],
) {
  const { key } = await apiKeyForTests(scopes);
  return callApi<Report>(reportRoute, { url: `/api/v1/imports/${id}`, key, params: { id } });
}

describe("bulk imports", () => {
  it("answers 202 at once, then imports every item and reports each failure with its reason", async () => {
    const [good, stolen] = await tokens(2);
    const taken = `cus_${uniqueSuffix()}`;
    await runImportJob({ importId: await startImport([item(taken, stolen.token)]) });
    const admin = `bulk-admin-${uniqueSuffix()}@example.com`;
    const items = [
      { ...item(`cus_${uniqueSuffix()}`, good.token), admin_emails: [admin] },
      item(`cus_${uniqueSuffix()}`, `dead-${uniqueSuffix()}`),
      item(`cus_${uniqueSuffix()}`, stolen.token),
    ];
    const id = await startImport(items);
    const stored = await db().connectionImportItem.findMany({ where: { importId: id } });
    expect(
      stored.every((row) => row.accessTokenCiphertext && !row.accessTokenCiphertext.includes(good.token)),
    ).toBe(true);
    expect((await report(id)).body.import).toMatchObject({ status: "queued", total: 3, pending: 3 });

    expect(await runImportJob({ importId: id })).toEqual({ imported: 1, failed: 2, finished: true });
    const done = await report(id);
    expect(done.status).toBe(200);
    expect(done.body.import).toMatchObject({
      status: "completed",
      total: 3,
      succeeded: 1,
      failed: 2,
      pending: 0,
    });
    expect(done.body.import.finished_at).not.toBeNull();
    expect(done.body.import.failures).toEqual([
      expect.objectContaining({
        position: 1,
        organization_external_id: items[1].organization.external_id,
        code: "token_rejected",
      }),
      expect.objectContaining({ position: 2, code: "conflict", message: expect.stringContaining(taken) }),
    ]);
    const worked = await db().connectionImportItem.findMany({ where: { importId: id } });
    expect(worked.every((row) => row.accessTokenCiphertext === null && row.accessTokenKeyId === null)).toBe(
      true,
    );
    expect(await db().connection.count({ where: { finchConnectionId: good.finchConnectionId } })).toBe(1);
    const invited = await db().invitation.findMany({
      where: { email: admin },
      select: { organizationId: true },
    });
    const organization = await db().organization.findUnique({
      where: { externalId: items[0].organization.external_id },
    });
    expect(invited).toEqual([{ organizationId: organization?.id }]);
  });

  it("takes a killed worker's items again once their lease passes, and imports none twice", async () => {
    const fleet = await tokens(6);
    const id = await startImport(fleet.map((f) => item(`cus_${uniqueSuffix()}`, f.token)));
    // A worker leased three items and died: their lease has passed.
    const leased = await claimImportItems(id, 3, 180);
    await db().connectionImportItem.updateMany({
      where: { id: { in: leased.map((row) => row.id) } },
      data: { claimedUntil: new Date(Date.now() - 1000) },
    });
    // Two workers at once (a job that outlived its expiry and its retry).
    const runs = await Promise.all([runImportJob({ importId: id }), runImportJob({ importId: id })]);
    expect(runs[0].imported + runs[1].imported).toBe(6);
    expect((await report(id)).body.import).toMatchObject({ status: "completed", succeeded: 6, failed: 0 });
    const connections = await db().connection.findMany({
      where: { finchConnectionId: { in: fleet.map((f) => f.finchConnectionId) } },
      select: { id: true },
    });
    expect(connections).toHaveLength(6);
    const imported = await db().connectionEvent.count({
      where: { connectionId: { in: connections.map((c) => c.id) }, type: "imported" },
    });
    expect(imported).toBe(6);
  });

  it("hands items back when Finch rate-limits the checks, without counting them as failures", async () => {
    const fleet = await tokens(2);
    const id = await startImport(fleet.map((f) => item(`cus_${uniqueSuffix()}`, f.token)));
    await finch().control("POST", "/_emulator/faults", {
      path: "/introspect",
      status: 429,
      count: 5,
      retryAfterSeconds: 1,
    });
    const first = await runImportJob({ importId: id });
    expect(first.finished).toBe(false);
    expect((await report(id)).body.import).toMatchObject({ status: "running", failed: 0 });
    const pending = await db().connectionImportItem.findMany({ where: { importId: id, status: "pending" } });
    expect(pending.every((row) => row.attempts === 0 && row.accessTokenCiphertext)).toBe(true);

    await finch().control("DELETE", "/_emulator/faults");
    await resetFinchBudget();
    await db().connectionImportItem.updateMany({ where: { importId: id }, data: { claimedUntil: null } });
    expect(await runImportJob({ importId: id })).toMatchObject({ imported: 2, finished: true });
  });

  it("GET refuses a missing scope (403), an unknown import (404) and an id of the wrong shape (400)", async () => {
    const { key } = await apiKeyForTests(["tokens:read"]);
    const url = "/api/v1/imports/imp_x";
    expect((await callApi(reportRoute, { url, key: null, params: { id: "imp_x" } })).status).toBe(401);
    expect((await callApi(reportRoute, { url, key, params: { id: "imp_x" } })).status).toBe(403);
    expect((await report("imp_unknown")).status).toBe(404);
    expect((await report("bad id%00")).status).toBe(400);
  });
});
