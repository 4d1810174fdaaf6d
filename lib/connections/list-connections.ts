import "server-only";
import { db } from "@/lib/db";
import { affectedServices } from "./affected-services";
import type { ConnectionSummary } from "./connection-summary";
import { countFailedAttempts } from "./failed-attempts";
import { parseChecks } from "./receipt-line";

const summarySelect = {
  id: true,
  providerId: true,
  providerName: true,
  status: true,
  finchStatus: true,
  authenticationType: true,
  statusReason: true,
  statusSince: true,
  products: true,
  lastSuccessAt: true,
  company: { select: { legalName: true, employeeCount: true, fetchedAt: true } },
  repairReceipts: { orderBy: { createdAt: "desc" }, take: 1, select: { checks: true, createdAt: true } },
} as const;

function latestReceipt(row: { checks: unknown; createdAt: Date } | undefined) {
  const checks = row ? parseChecks(row.checks) : null;
  return row && checks ? { checks, takenAt: row.createdAt.toISOString() } : null;
}

/** The organization's connections, broken ones first. */
export async function listConnections(organizationId: string): Promise<ConnectionSummary[]> {
  const rows = await db().connection.findMany({
    where: { organizationId },
    select: summarySelect,
    orderBy: { createdAt: "asc" },
  });
  const failed = await countFailedAttempts(rows);
  const summaries = rows.map(({ repairReceipts, ...row }) => ({
    ...row,
    failedAttempts: failed.get(row.id) ?? 0,
    receipt: latestReceipt(repairReceipts[0]),
    statusSince: row.statusSince.toISOString(),
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    affectedServices: affectedServices(row.products),
    company: row.company ? { ...row.company, fetchedAt: row.company.fetchedAt.toISOString() } : null,
  }));
  return summaries.sort((a, b) => Number(b.status === "needs_reauth") - Number(a.status === "needs_reauth"));
}
