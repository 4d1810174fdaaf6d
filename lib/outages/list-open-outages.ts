// Open provider outages with how many connections of the provider are broken and how many emails wait.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

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

/**
 * The open outages as one jsonb array, newest first: a fragment, so a statement that loads other
 * figures for the same page (the Fleet health overview) brings them back in the same round trip.
 */
export const openOutagesJson = Prisma.sql`(
  SELECT coalesce(jsonb_agg(o ORDER BY o."openedAt" DESC), '[]'::jsonb) FROM (
    SELECT p.id, p."providerId", p."providerName", p."openedAt", p."autoReleaseAt", p."releasedAt",
           (SELECT count(*) FROM "Connection" c
             WHERE c."providerId" = p."providerId" AND c.status = 'needs_reauth')::int AS affected,
           (SELECT count(*) FROM "EmailOutbox" e
             WHERE e."providerIncidentId" = p.id AND e.status = 'held')::int AS held
      FROM "ProviderIncident" p
     WHERE p."closedAt" IS NULL) o)`;

type OutageJson = Omit<OpenOutage, "openedAt" | "autoReleaseAt" | "releasedAt"> & {
  openedAt: string;
  autoReleaseAt: string;
  releasedAt: string | null;
};

/** jsonb renders the UTC timestamp columns without a zone: read them back as UTC. */
const utc = (text: string) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);

export function parseOpenOutages(json: unknown): OpenOutage[] {
  return (Array.isArray(json) ? (json as OutageJson[]) : []).map((outage) => ({
    ...outage,
    openedAt: utc(outage.openedAt),
    autoReleaseAt: utc(outage.autoReleaseAt),
    releasedAt: outage.releasedAt === null ? null : utc(outage.releasedAt),
  }));
}

/** The open outages as one JSON value. */
export function openOutagesSql(): Prisma.Sql {
  return Prisma.sql`SELECT ${openOutagesJson} AS outages`;
}

export async function listOpenOutages(): Promise<OpenOutage[]> {
  const [row] = await db().$queryRaw<{ outages: unknown }[]>(openOutagesSql());
  return parseOpenOutages(row?.outages);
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
