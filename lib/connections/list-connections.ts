import "server-only";
import { db } from "@/lib/db";
import { providersInOutage } from "@/lib/outages/list-open-outages";
import { affectedServices } from "./affected-services";
import type { ConnectionSummary } from "./connection-summary";

const summarySelect = {
  id: true,
  providerId: true,
  providerName: true,
  status: true,
  finchStatus: true,
  statusReason: true,
  statusSince: true,
  products: true,
  lastSuccessAt: true,
  company: { select: { legalName: true, employeeCount: true, fetchedAt: true } },
} as const;

/** The organization's connections, broken ones first. */
export async function listConnections(organizationId: string): Promise<ConnectionSummary[]> {
  const rows = await db().connection.findMany({
    where: { organizationId },
    select: summarySelect,
    orderBy: { createdAt: "asc" },
  });
  const broken = rows.filter((row) => row.status === "needs_reauth").map((row) => row.providerId);
  const outages = await providersInOutage([...new Set(broken)]);
  const summaries = rows.map((row) => ({
    ...row,
    statusSince: row.statusSince.toISOString(),
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    affectedServices: affectedServices(row.products),
    company: row.company ? { ...row.company, fetchedAt: row.company.fetchedAt.toISOString() } : null,
    providerOutage: outages.has(row.providerId),
  }));
  return summaries.sort((a, b) => Number(b.status === "needs_reauth") - Number(a.status === "needs_reauth"));
}
