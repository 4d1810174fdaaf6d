// The SQL condition for the Broken connections table's filters (parameters only, never spliced text).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AGE_BUCKET_DAYS, type FleetFilters } from "./fleet-filters";

const DAY_MS = 24 * 60 * 60 * 1000;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function fleetWhere(filters: FleetFilters, now: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    filters.status
      ? Prisma.sql`c.status = ${filters.status}::"ConnectionStatus"`
      : Prisma.sql`c.status <> 'healthy'::"ConnectionStatus"`,
  ];
  if (filters.provider) conditions.push(Prisma.sql`c."providerId" = ${filters.provider}`);
  if (filters.age) {
    const [from, to] = AGE_BUCKET_DAYS[filters.age];
    conditions.push(Prisma.sql`c."statusSince" <= ${new Date(now.getTime() - from * DAY_MS)}`);
    if (to !== null) conditions.push(Prisma.sql`c."statusSince" > ${new Date(now.getTime() - to * DAY_MS)}`);
  }
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(Prisma.sql`(org.name ILIKE ${pattern} OR EXISTS (
      SELECT 1 FROM "Membership" m JOIN "User" u ON u.id = m."userId"
       WHERE m."organizationId" = c."organizationId" AND u.email ILIKE ${pattern}))`);
  }
  return Prisma.join(conditions, " AND ");
}
