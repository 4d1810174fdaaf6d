// The broken stretches of one connection within a window, for the health chart's band.
import "server-only";
import { db } from "@/lib/db";

export interface HealthPeriod {
  start: Date;
  /** null while it is still broken. */
  end: Date | null;
}

export async function healthPeriods({
  connectionId,
  since,
  now = new Date(),
}: {
  connectionId: string;
  since: Date;
  now?: Date;
}): Promise<HealthPeriod[]> {
  const incidents = await db().incident.findMany({
    where: {
      connectionId,
      startedAt: { lt: now },
      OR: [{ resolvedAt: null }, { resolvedAt: { gt: since } }],
    },
    orderBy: { startedAt: "asc" },
    select: { startedAt: true, resolvedAt: true },
  });
  return incidents.map((incident) => ({ start: incident.startedAt, end: incident.resolvedAt }));
}
