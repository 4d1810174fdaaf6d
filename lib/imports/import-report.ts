// A bulk import's report: progress counted from its items, and each failed item with its reason.
import "server-only";
import { db } from "@/lib/db";
import { countImportItems } from "./settle-import";

export interface ImportReport {
  id: string;
  status: string;
  total: number;
  succeeded: number;
  failed: number;
  pending: number;
  createdAt: Date;
  finishedAt: Date | null;
  failures: { position: number; organizationExternalId: string; code: string; message: string }[];
}

/** Null when there is no such import. */
export async function importReport(importId: string): Promise<ImportReport | null> {
  const row = await db().connectionImport.findUnique({
    where: { id: importId },
    select: { id: true, status: true, total: true, createdAt: true, finishedAt: true },
  });
  if (!row) return null;
  const counts = await countImportItems(importId);
  const failed = await db().connectionImportItem.findMany({
    where: { importId, status: "failed" },
    select: { position: true, organizationExternalId: true, errorCode: true, errorMessage: true },
    orderBy: { position: "asc" },
  });
  return {
    ...row,
    succeeded: counts.imported,
    failed: counts.failed,
    pending: counts.pending,
    failures: failed.map((item) => ({
      position: item.position,
      organizationExternalId: item.organizationExternalId,
      code: item.errorCode ?? "internal",
      message: item.errorMessage ?? "",
    })),
  };
}
