// A bulk import accepted: the import and its items (tokens sealed) are written with the job that works
// them, in one transaction, so an accepted import is never lost and never queued without its items.
import "server-only";
import crypto from "node:crypto";
import { sealImportItemToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs/enqueue";

export interface BulkImportItem {
  organization: { externalId: string; name: string };
  accessToken: string;
  adminEmails: string[];
}

const WRITE_CHUNK = 1000;

export async function createBulkImport(options: {
  items: BulkImportItem[];
  apiKeyId: string;
}): Promise<{ id: string; status: string }> {
  const id = `imp_${crypto.randomBytes(12).toString("base64url")}`;
  const rows = options.items.map((item, position) => ({
    importId: id,
    position,
    organizationExternalId: item.organization.externalId,
    organizationName: item.organization.name,
    adminEmails: item.adminEmails,
    ...sealImportItemToken(id, position, item.accessToken),
  }));
  await db().$transaction(
    async (tx) => {
      await tx.connectionImport.create({ data: { id, apiKeyId: options.apiKeyId, total: rows.length } });
      for (let i = 0; i < rows.length; i += WRITE_CHUNK)
        await tx.connectionImportItem.createMany({ data: rows.slice(i, i + WRITE_CHUNK) });
      await enqueue("connection-import", { importId: id }, { singletonKey: id, tx });
    },
    { timeout: 60_000 },
  );
  return { id, status: "queued" };
}
