// The safety net of bulk imports: every minute, each unfinished import gets its job again. The queue
// keeps one waiting job per import, so an import whose job is alive is not queued twice.
import "server-only";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs/enqueue";

export async function relayImports(): Promise<{ relayed: number }> {
  const open = await db().connectionImport.findMany({
    where: { status: { not: "completed" } },
    select: { id: true },
    take: 1000,
  });
  for (const { id } of open) await enqueue("connection-import", { importId: id }, { singletonKey: id });
  return { relayed: open.length };
}
