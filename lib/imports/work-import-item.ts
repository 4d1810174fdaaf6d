// One leased item of a bulk import: imported (the item is marked in the connection's own transaction,
// so it is never imported twice), failed with its reason, or handed back for later when Finch or the
// budget says "not now". Its token is cleared as soon as the item is worked either way.
import "server-only";
import { openImportItemToken } from "@/lib/connections/connection-token";
import { db, type Tx } from "@/lib/db";
import { logError } from "@/lib/log";
import { importConnection, type ImportedConnection } from "./import-connection";
import { ImportFailure } from "./import-failure";
import type { ClaimedItemRow } from "./import-items-sql";

/** Items that failed unexpectedly this many times are given up (code internal). */
export const MAX_ITEM_ATTEMPTS = 3;
const RETRY_UNEXPECTED_SECONDS = 30;

export type ItemOutcome =
  /** Just imported: the place where a connection.imported event belongs. */
  | { kind: "imported"; imported: ImportedConnection }
  | { kind: "failed" }
  /** Finch or the budget asked to wait: the item is pending again. */
  | { kind: "wait"; seconds: number }
  /** Another worker finished it first, or it was handed back after an unexpected error. */
  | { kind: "skipped" };

class ItemAlreadyWorked extends Error {}

const CLEARED = { accessTokenCiphertext: null, accessTokenKeyId: null, claimedUntil: null };

async function markImported(tx: Tx, itemId: string, connectionId: string): Promise<void> {
  const { count } = await tx.connectionImportItem.updateMany({
    where: { id: itemId, status: "pending" },
    data: { status: "imported", connectionId, ...CLEARED },
  });
  // Rolls the whole import of this item back: someone else worked it meanwhile.
  if (count === 0) throw new ItemAlreadyWorked();
}

async function markFailed(itemId: string, code: string, message: string): Promise<void> {
  await db().connectionImportItem.updateMany({
    where: { id: itemId, status: "pending" },
    data: { status: "failed", errorCode: code, errorMessage: message, ...CLEARED },
  });
}

/** Pending again, free to take after `seconds`; a wait that is no fault of the item costs no attempt. */
async function handBack(itemId: string, seconds: number, countAttempt: boolean): Promise<void> {
  await db().connectionImportItem.updateMany({
    where: { id: itemId, status: "pending" },
    data: {
      claimedUntil: new Date(Date.now() + seconds * 1000),
      ...(countAttempt ? {} : { attempts: { decrement: 1 } }),
    },
  });
}

export async function workImportItem(
  importId: string,
  item: ClaimedItemRow,
  actor: { apiKeyId: string; label: string },
): Promise<ItemOutcome> {
  if (!item.accessTokenCiphertext || !item.accessTokenKeyId) {
    await markFailed(item.id, "internal", "The item's access token is no longer stored; import it again.");
    return { kind: "failed" };
  }
  try {
    const accessToken = openImportItemToken(importId, item.position, {
      accessTokenCiphertext: item.accessTokenCiphertext,
      accessTokenKeyId: item.accessTokenKeyId,
    });
    const imported = await importConnection({
      organization: { externalId: item.organizationExternalId, name: item.organizationName },
      accessToken,
      adminEmails: item.adminEmails,
      actor,
      bulk: true,
      alsoInTransaction: (tx, connectionId) => markImported(tx, item.id, connectionId),
    });
    return { kind: "imported", imported };
  } catch (error) {
    if (error instanceof ItemAlreadyWorked) return { kind: "skipped" };
    if (error instanceof ImportFailure && error.code === "upstream_unavailable") {
      const seconds = error.retryAfterSeconds ?? RETRY_UNEXPECTED_SECONDS;
      await handBack(item.id, seconds, false);
      return { kind: "wait", seconds };
    }
    if (error instanceof ImportFailure) {
      await markFailed(item.id, error.code, error.message);
      return { kind: "failed" };
    }
    logError(`import ${importId}: item ${item.position} failed unexpectedly`, error);
    if (item.attempts >= MAX_ITEM_ATTEMPTS) {
      await markFailed(item.id, "internal", "Importing this item failed on our side several times.");
      return { kind: "failed" };
    }
    await handBack(item.id, RETRY_UNEXPECTED_SECONDS, true);
    return { kind: "skipped" };
  }
}
