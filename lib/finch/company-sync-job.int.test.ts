import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findJobs } from "@/lib/jobs/find-jobs";
import { startJobWorkers } from "@/lib/startup/start-job-workers";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { waitFor } from "@/test/wait-for";
import { runCompanySyncJob, syncAfterConnect } from "./company-sync-job";

const finch = finchForTestFile({ resetBudget: true });

const companyOf = (connectionId: string) =>
  db().finchCompany.findUnique({ where: { connectionId }, select: { legalName: true } });

describe("the company data sync after connecting", () => {
  it("syncs at once when Finch answers", async () => {
    const org = await seedOrganization();
    const connection = await seedConnection(finch(), org.id);
    await expect(syncAfterConnect({ connectionId: connection.id, organizationId: org.id })).resolves.toBe(
      "synced",
    );
    expect((await companyOf(connection.id))?.legalName).toBeTruthy();
  });

  it("refused by a rate limit, is queued for when the wait is over and then runs on a worker", async () => {
    const org = await seedOrganization();
    const connection = await seedConnection(finch(), org.id);
    await finch().control("POST", "/_emulator/faults", {
      path: "/employer/company",
      status: 429,
      retryAfterSeconds: 2,
    });
    const before = Date.now();

    await expect(syncAfterConnect({ connectionId: connection.id, organizationId: org.id })).resolves.toBe(
      "queued",
    );
    expect(await companyOf(connection.id)).toBeNull();
    const [job] = await findJobs("company-sync", { key: connection.id });
    expect(job?.data).toEqual({ connectionId: connection.id, organizationId: org.id });
    // Not before Finch's Retry-After (and the budget's pause of the company product) has passed.
    expect(job?.startAfter.getTime()).toBeGreaterThanOrEqual(before + 1_500);

    await startJobWorkers();
    const company = await waitFor(
      () => companyOf(connection.id),
      (found) => found !== null,
      30_000,
    );
    expect(company?.legalName).toBeTruthy();
  });

  it("a job whose connection is gone ends without retrying; a refusal for now is retried", async () => {
    const org = await seedOrganization();
    const connection = await seedConnection(finch(), org.id);
    await expect(
      runCompanySyncJob({ connectionId: `${connection.id}-gone`, organizationId: org.id }),
    ).resolves.toEqual({ synced: false });

    // Enough failures for the SDK's own retries too.
    await finch().control("POST", "/_emulator/faults", { path: "/employer/company", status: 503, count: 3 });
    await expect(
      runCompanySyncJob({ connectionId: connection.id, organizationId: org.id }),
    ).rejects.toMatchObject({ code: "upstream_unavailable" });
    await expect(runCompanySyncJob({ connectionId: connection.id, organizationId: org.id })).resolves.toEqual(
      {
        synced: true,
      },
    );
  });
});
