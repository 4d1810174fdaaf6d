// Our records of a multi-entity connection's entities: each one's Finch id, name and status, and since
// when. Written by every detection path through lib/signals/apply-entity-statuses.ts; read by the
// derivation (deriveConnectionStatus) and the dashboard.
import type { Tx } from "@/lib/db";

/** What a detection path learnt about one entity; name and source id only when Finch said them. */
export interface EntityReport {
  finchEntityId: string;
  finchStatus: string;
  name?: string | null;
  sourceId?: string | null;
}

export interface StoredEntity {
  finchEntityId: string;
  name: string | null;
  finchStatus: string;
  statusSince: Date;
}

/** Upserts the reported entities; an entity's statusSince moves only when its status changes. */
export async function recordEntityStatuses(
  tx: Tx,
  connectionId: string,
  reports: EntityReport[],
  at: Date,
): Promise<void> {
  const existing = await tx.connectionEntity.findMany({
    where: { connectionId, finchEntityId: { in: reports.map((r) => r.finchEntityId) } },
    select: { finchEntityId: true, finchStatus: true, name: true, sourceId: true },
  });
  for (const report of reports) {
    const known = existing.find((e) => e.finchEntityId === report.finchEntityId);
    const name = report.name ?? known?.name ?? null;
    const sourceId = report.sourceId ?? known?.sourceId ?? null;
    if (!known) {
      await tx.connectionEntity.create({
        data: {
          connectionId,
          finchEntityId: report.finchEntityId,
          name,
          sourceId,
          finchStatus: report.finchStatus,
          statusSince: at,
        },
      });
      continue;
    }
    const statusChanged = known.finchStatus !== report.finchStatus;
    if (!statusChanged && name === known.name && sourceId === known.sourceId) continue;
    await tx.connectionEntity.update({
      where: { connectionId_finchEntityId: { connectionId, finchEntityId: report.finchEntityId } },
      data: { name, sourceId, finchStatus: report.finchStatus, ...(statusChanged && { statusSince: at }) },
    });
  }
}

/** A connection's entities, by name (the order the banner and the card list them in). */
export function listEntities(tx: Tx, connectionId: string): Promise<StoredEntity[]> {
  return tx.connectionEntity.findMany({
    where: { connectionId },
    select: { finchEntityId: true, name: true, finchStatus: true, statusSince: true },
    orderBy: [{ name: "asc" }, { finchEntityId: "asc" }],
  });
}
