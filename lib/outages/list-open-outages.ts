// Open provider outages with how many connections of the provider are broken and how many emails wait.
import "server-only";
import { db } from "@/lib/db";

export interface OpenOutage {
  id: string;
  providerId: string;
  providerName: string;
  openedAt: Date;
  autoReleaseAt: Date;
  releasedAt: Date | null;
  affected: number;
  held: number;
}

export async function listOpenOutages(): Promise<OpenOutage[]> {
  const rows = await db().$queryRaw<
    (Omit<OpenOutage, "affected" | "held"> & { affected: bigint; held: bigint })[]
  >`
    SELECT p.id, p."providerId", p."providerName", p."openedAt", p."autoReleaseAt", p."releasedAt",
           (SELECT count(*) FROM "Connection" c
             WHERE c."providerId" = p."providerId" AND c.status = 'needs_reauth') AS affected,
           (SELECT count(*) FROM "EmailOutbox" o
             WHERE o."providerIncidentId" = p.id AND o.status = 'held') AS held
      FROM "ProviderIncident" p
     WHERE p."closedAt" IS NULL
     ORDER BY p."openedAt" DESC`;
  return rows.map((row) => ({ ...row, affected: Number(row.affected), held: Number(row.held) }));
}

/** Providers with an open outage, for the customer banner. */
export async function providersInOutage(providerIds: string[]): Promise<Set<string>> {
  if (providerIds.length === 0) return new Set();
  const rows = await db().providerIncident.findMany({
    where: { providerId: { in: providerIds }, closedAt: null },
    select: { providerId: true },
  });
  return new Set(rows.map((row) => row.providerId));
}
