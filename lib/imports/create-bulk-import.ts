// A bulk import accepted: the import and its items (tokens sealed) are written with the job that works
// them, in one transaction, so an accepted import is never lost and never queued without its items.
import "server-only";
import crypto from "node:crypto";
import { sealImportItemToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs/enqueue";
import { insertImportItems } from "./import-items-sql";

export interface BulkImportItem {
  organization: { externalId: string; name: string };
  accessToken: string;
  adminEmails: string[];
}

const WRITE_CHUNK = 2500;

export async function createBulkImport(options: {
  items: BulkImportItem[];
  apiKeyId: string;
}): Promise<{ id: string; status: string }> {
  const id = `imp_${crypto.randomBytes(12).toString("base64url")}`;
  const rows = options.items.map((item, position) => {
    const sealed = sealImportItemToken(id, position, item.accessToken);
    return {
      position,
      externalId: item.organization.externalId,
      name: item.organization.name,
      emails: item.adminEmails,
      ciphertext: sealed.accessTokenCiphertext,
      keyId: sealed.accessTokenKeyId,
    };
  });
  await db().$transaction(
    async (tx) => {
      await tx.connectionImport.create({ data: { id, apiKeyId: options.apiKeyId, total: rows.length } });
      for (let i = 0; i < rows.length; i += WRITE_CHUNK)
        await insertImportItems(tx, id, rows.slice(i, i + WRITE_CHUNK));
      await enqueue("connection-import", { importId: id }, { singletonKey: id, tx });
    },
    { timeout: 60_000 },
  );
  return { id, status: "queued" };
}
