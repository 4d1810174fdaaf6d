// A bulk import's counts, written back from its items after each run; it is completed once no item is
// pending (a completed import keeps its counts and its failures for the report).
import "server-only";
import { db } from "@/lib/db";

export interface ImportCounts {
  imported: number;
  failed: number;
  pending: number;
}

export async function countImportItems(importId: string): Promise<ImportCounts> {
  const groups = await db().connectionImportItem.groupBy({
    by: ["status"],
    where: { importId },
    _count: { _all: true },
  });
  const count = (status: string) => groups.find((group) => group.status === status)?._count._all ?? 0;
  return { imported: count("imported"), failed: count("failed"), pending: count("pending") };
}

export async function settleImport(importId: string): Promise<{ finished: boolean; claimable: boolean }> {
  const counts = await countImportItems(importId);
  const finished = counts.pending === 0;
  await db().connectionImport.updateMany({
    where: { id: importId, status: { not: "completed" } },
    data: {
      succeeded: counts.imported,
      failed: counts.failed,
      ...(finished ? { status: "completed", finishedAt: new Date() } : {}),
    },
  });
  if (finished) return { finished, claimable: false };
  const free = await db().connectionImportItem.count({
    where: {
      importId,
      status: "pending",
      OR: [{ claimedUntil: null }, { claimedUntil: { lt: new Date() } }],
    },
  });
  return { finished, claimable: free > 0 };
}
