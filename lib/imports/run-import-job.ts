// The bulk import job: leases the next items, imports a few at a time as background work (the shared
// Finch budget's background lane only, so customers' own calls are never starved), and after a few
// minutes queues its own continuation. Safe to run again at any point: items are leased and each is
// marked done in the transaction that imports it.
import "server-only";
import { forEachBounded } from "@/lib/concurrency/for-each-bounded";
import { db } from "@/lib/db";
import { withFinchPriority } from "@/lib/finch/budget/finch-priority";
import { enqueue } from "@/lib/jobs/enqueue";
import type { JobData } from "@/lib/jobs/queues";
import { claimImportItems } from "./import-items-sql";
import { settleImport } from "./settle-import";
import { workImportItem } from "./work-import-item";

/** Imports in flight at once: the budget, not this, is what limits the pace. */
const CONCURRENCY = 4;
/** Longer than one item can take (a background permit waits at most 120 s, the call 20 s). */
const LEASE_SECONDS = 180;
/** Each run works this long, then hands over to its continuation (pg-boss sees progress, restarts are cheap). */
const RUN_SECONDS = 120;
/** How soon to look again when the remaining items are leased by a worker that may have died. */
const LEASED_RECHECK_SECONDS = 30;

export interface ImportJobResult {
  imported: number;
  failed: number;
  finished: boolean;
}

async function actorOf(importId: string): Promise<{ apiKeyId: string; label: string }> {
  const row = await db().connectionImport.findUnique({ where: { id: importId }, select: { apiKeyId: true } });
  const key = row?.apiKeyId
    ? await db().apiKey.findUnique({ where: { id: row.apiKeyId }, select: { name: true, prefix: true } })
    : null;
  return {
    apiKeyId: row?.apiKeyId ?? "unknown",
    label: key
      ? `API key "${key.name}" (${key.prefix}…), bulk import ${importId}`
      : `bulk import ${importId}`,
  };
}

export async function runImportJob({ importId }: JobData<"connection-import">): Promise<ImportJobResult> {
  const result: ImportJobResult = { imported: 0, failed: 0, finished: false };
  const started = await db().connectionImport.updateMany({
    where: { id: importId, status: { not: "completed" } },
    data: { status: "running" },
  });
  if (started.count === 0) return { ...result, finished: true };
  const actor = await actorOf(importId);
  const deadline = Date.now() + RUN_SECONDS * 1000;
  let waitSeconds = 0;
  await withFinchPriority("background", async () => {
    while (Date.now() < deadline && waitSeconds === 0) {
      const items = await claimImportItems(importId, CONCURRENCY * 4, LEASE_SECONDS);
      if (items.length === 0) break;
      const unstarted = await forEachBounded(
        items,
        async (item) => {
          const outcome = await workImportItem(importId, item, actor);
          if (outcome.kind === "imported") result.imported++;
          else if (outcome.kind === "failed") result.failed++;
          else if (outcome.kind === "wait") waitSeconds = Math.max(waitSeconds, outcome.seconds);
        },
        { concurrency: CONCURRENCY, shouldStop: () => waitSeconds > 0 },
      );
      // Items leased but never started go back at once, for the continuation.
      if (unstarted.length > 0) {
        await db().connectionImportItem.updateMany({
          where: { id: { in: unstarted.map((item) => item.id) }, status: "pending" },
          data: { claimedUntil: null, attempts: { decrement: 1 } },
        });
      }
    }
  });
  const settled = await settleImport(importId);
  if (settled.finished) return { ...result, finished: true };
  const startAfter = waitSeconds > 0 ? waitSeconds : settled.claimable ? 0 : LEASED_RECHECK_SECONDS;
  await enqueue("connection-import", { importId }, { singletonKey: importId, startAfter });
  return result;
}
