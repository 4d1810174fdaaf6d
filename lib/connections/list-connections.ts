import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { ConnectionStatus } from "@/lib/generated/prisma/enums";
import { affectedServices } from "./affected-services";
import type { ConnectionSummary } from "./connection-summary";
import { parseChecks } from "./parse-checks";

interface SummaryRow {
  id: string;
  providerId: string;
  providerName: string;
  status: ConnectionStatus;
  finchStatus: string;
  authenticationType: string | null;
  statusReason: string | null;
  statusSince: Date;
  products: string[];
  lastSuccessAt: Date | null;
  legalName: string | null;
  employeeCount: number | null;
  fetchedAt: Date | null;
  receiptChecks: unknown;
  receiptAt: Date | null;
  /** Connect attempts that failed since the status last changed (see failed-attempts.ts). */
  failedAttempts: number;
  providerOutage: boolean;
}

function latestReceipt(checksJson: unknown, takenAt: Date | null) {
  const checks = takenAt ? parseChecks(checksJson) : null;
  return takenAt && checks ? { checks, takenAt: takenAt.toISOString() } : null;
}

/**
 * The organization's connections, broken ones first: one query, with company data, the newest
 * repair receipt and whether the provider is having an outage (lib/outages) joined in.
 */
export async function listConnections(organizationId: string): Promise<ConnectionSummary[]> {
  const rows = await db().$queryRaw<SummaryRow[]>`
    SELECT c.id, c."providerId", c."providerName", c.status, c."finchStatus", c."authenticationType",
      c."statusReason", c."statusSince", c.products, c."lastSuccessAt",
      f."legalName", f."employeeCount", f."fetchedAt",
      r.checks AS "receiptChecks", r."createdAt" AS "receiptAt",
      (SELECT count(*)::int FROM "ConnectionEvent" e
        WHERE e."connectionId" = c.id AND e.type = 'connect_attempt_failed'
          AND e."createdAt" >= c."statusSince" AND c.status <> 'healthy') AS "failedAttempts",
      (c.status = 'needs_reauth' AND EXISTS (SELECT 1 FROM "ProviderIncident" p
        WHERE p."providerId" = c."providerId" AND p."closedAt" IS NULL)) AS "providerOutage"
    FROM "Connection" c
    LEFT JOIN "FinchCompany" f ON f."connectionId" = c.id
    LEFT JOIN LATERAL (
      SELECT checks, "createdAt" FROM "RepairReceipt"
      WHERE "connectionId" = c.id ORDER BY "createdAt" DESC LIMIT 1
    ) r ON true
    WHERE c."organizationId" = ${organizationId}
    ORDER BY c."createdAt" ASC, c.id ASC`;
  const summaries = rows.map(({ legalName, employeeCount, fetchedAt, receiptChecks, receiptAt, ...row }) => ({
    ...row,
    receipt: latestReceipt(receiptChecks, receiptAt),
    statusSince: row.statusSince.toISOString(),
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    affectedServices: affectedServices(row.products),
    company:
      fetchedAt && employeeCount !== null
        ? { legalName, employeeCount, fetchedAt: fetchedAt.toISOString() }
        : null,
  }));
  return summaries.sort((a, b) => Number(b.status === "needs_reauth") - Number(a.status === "needs_reauth"));
}

/** The same, read once per request however many server components ask (the layout and the page). */
export const listConnectionsForRequest = cache(listConnections);
