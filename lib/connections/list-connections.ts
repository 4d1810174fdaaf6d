// The organization's connections as the dashboard and its poll see them, in one SQL statement; the
// statement is also a fragment the dashboard folds into its one query per request (read-dashboard.ts).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { affectedServices } from "./affected-services";
import type { ConnectionSummary } from "./connection-summary";
import { parseChecks } from "./parse-checks";
import { repairAdvice, type RepairAdvice } from "./repair-advice";
import { parseEntities } from "./parse-entities";
import { ENTITY_ACCESS_ERROR_PHRASE } from "@/lib/finch/spec/entity-access";

/** One row of the statement: the summary's own columns, with dates as dates and the parts unfolded. */
export interface SummaryRow extends Pick<
  ConnectionSummary,
  | "id"
  | "providerId"
  | "providerName"
  | "status"
  | "finchStatus"
  | "authenticationType"
  | "statusReason"
  | "products"
  | "failedAttempts"
  | "providerOutage"
  | "accessFailure"
> {
  statusSince: Date;
  lastSuccessAt: Date | null;
  legalName: string | null;
  employeeCount: number | null;
  fetchedAt: Date | null;
  receiptChecks: unknown;
  receiptAt: Date | null;
  sortAt: Date;
  /** JSON: the entities of a multi-entity connection (see parseEntities). */
  entities: unknown;
}

/** A multi-entity connection's headline names the scope and the entities (deriveConnectionStatus). */
function scopedAdvice(advice: RepairAdvice | null, row: SummaryRow): RepairAdvice | null {
  const multi = Array.isArray(row.entities) && row.entities.length > 0;
  return advice && multi && row.statusReason ? { ...advice, title: row.statusReason } : advice;
}

const ACCESS_FAILURE_LIKE = `%${ENTITY_ACCESS_ERROR_PHRASE}%`;

function latestReceipt(checksJson: unknown, takenAt: Date | null) {
  const checks = takenAt ? parseChecks(checksJson) : null;
  return takenAt && checks ? { checks, takenAt: takenAt.toISOString() } : null;
}

/**
 * The SELECT behind the list, for an organization id given as SQL (a value, or a subquery when it is
 * folded into a bigger statement). It carries "sortAt" (the creation time) for the caller's ORDER BY.
 */
export function connectionRowsSql(organizationId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, c."providerId", c."providerName", c.status, c."finchStatus", c."authenticationType",
      c."statusReason", c."statusSince", c.products, c."lastSuccessAt", c."createdAt" AS "sortAt",
      f."legalName", f."employeeCount", f."fetchedAt",
      r.checks AS "receiptChecks", r."createdAt" AS "receiptAt",
      (SELECT count(*)::int FROM "ConnectionEvent" e
        WHERE e."connectionId" = c.id AND e.type = 'connect_attempt_failed'
          AND e."createdAt" >= c."statusSince" AND c.status <> 'healthy') AS "failedAttempts",
      (SELECT coalesce(json_agg(json_build_object('id', n."finchEntityId", 'name', n.name,
          'finchStatus', n."finchStatus", 'statusSince', n."statusSince" AT TIME ZONE 'UTC') ORDER BY n.name, n."finchEntityId"), '[]')
        FROM "ConnectionEntity" n WHERE n."connectionId" = c.id) AS entities,
      (c.status <> 'healthy' AND EXISTS (SELECT 1 FROM "ConnectionEvent" e
        WHERE e."connectionId" = c.id AND e.type = 'connect_attempt_failed'
          AND e."createdAt" >= c."statusSince" AND e.detail LIKE ${ACCESS_FAILURE_LIKE})) AS "accessFailure",
      (c.status = 'needs_reauth' AND EXISTS (SELECT 1 FROM "ProviderIncident" p
        WHERE p."providerId" = c."providerId" AND p."closedAt" IS NULL)) AS "providerOutage"
    FROM "Connection" c
    LEFT JOIN "FinchCompany" f ON f."connectionId" = c.id
    LEFT JOIN LATERAL (
      SELECT checks, "createdAt" FROM "RepairReceipt"
      WHERE "connectionId" = c.id ORDER BY "createdAt" DESC LIMIT 1
    ) r ON true
    WHERE c."organizationId" = ${organizationId}`;
}

/** The organization's connections in creation order. */
export function listConnectionsSql(organizationId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT * FROM (${connectionRowsSql(Prisma.sql`${organizationId}`)}) l ORDER BY l."sortAt" ASC, l.id ASC`;
}

/** Rows in creation order to summaries, broken ones first. Picks the connection's own columns, so a
 *  row of a bigger statement (with the member's and the health's columns) maps the same. */
export function toSummaries(rows: SummaryRow[]): ConnectionSummary[] {
  const summaries = rows.map((row) => ({
    id: row.id,
    providerId: row.providerId,
    providerName: row.providerName,
    status: row.status,
    finchStatus: row.finchStatus,
    authenticationType: row.authenticationType,
    statusReason: row.statusReason,
    statusSince: row.statusSince.toISOString(),
    products: row.products,
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    failedAttempts: row.failedAttempts,
    providerOutage: row.providerOutage,
    accessFailure: row.accessFailure,
    advice: scopedAdvice(repairAdvice(row), row),
    entities: parseEntities(row.entities),
    receipt: latestReceipt(row.receiptChecks, row.receiptAt),
    affectedServices: affectedServices(row.products),
    company:
      row.fetchedAt && row.employeeCount !== null
        ? {
            legalName: row.legalName,
            employeeCount: row.employeeCount,
            fetchedAt: row.fetchedAt.toISOString(),
          }
        : null,
  }));
  return summaries.sort((a, b) => Number(b.status === "needs_reauth") - Number(a.status === "needs_reauth"));
}

/**
 * The organization's connections, broken ones first: one query, with company data, the newest
 * repair receipt and whether the provider is having an outage (lib/outages) joined in.
 */
export async function listConnections(organizationId: string): Promise<ConnectionSummary[]> {
  const rows = await db().$queryRaw<SummaryRow[]>(listConnectionsSql(organizationId));
  return toSummaries(rows);
}
