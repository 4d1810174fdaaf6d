// POST /api/v1/connections/import and GET /api/v1/imports/{id}: the single form imports at once (an
// interactive Finch call, so a person's request never waits behind background work); the bulk form is
// stored and worked by a job. Finch's refusals become the API's stable error codes.
import "server-only";
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import { createBulkImport } from "@/lib/imports/create-bulk-import";
import { importConnection, type ImportedConnection } from "@/lib/imports/import-connection";
import { ImportFailure } from "@/lib/imports/import-failure";
import { importReport } from "@/lib/imports/import-report";
import { ApiError } from "./api-errors";
import type { ImportItem } from "./contract/import-body";
import type { ImportReport } from "./contract/import-report";
import type { ApiConnection } from "./contract/shared";
import { getApiConnection } from "./read-connections";

const actorOf = (caller: ApiCaller) => ({
  apiKeyId: caller.keyId,
  label: `API key "${caller.name}" (${caller.prefix}…)`,
});

const toImport = (item: ImportItem) => ({
  organization: { externalId: item.organization.external_id, name: item.organization.name },
  accessToken: item.access_token,
  adminEmails: item.admin_emails,
});

/**
 * One connection, imported now. `created` tells a new connection (201) from one that took the imported
 * token (200); `imported` is the moment to announce it (connection.imported).
 */
export async function importOneConnection(
  item: ImportItem,
  caller: ApiCaller,
): Promise<{ connection: ApiConnection; created: boolean; imported: ImportedConnection }> {
  try {
    const imported = await importConnection({ ...toImport(item), actor: actorOf(caller) });
    return { connection: await getApiConnection(imported.connectionId), created: imported.created, imported };
  } catch (error) {
    if (error instanceof ImportFailure)
      throw new ApiError(error.code, error.message, error.retryAfterSeconds);
    throw error;
  }
}

export async function startBulkImport(items: ImportItem[], caller: ApiCaller) {
  return createBulkImport({ items: items.map(toImport), apiKeyId: caller.keyId });
}

export async function getImportReport(importId: string): Promise<ImportReport> {
  const report = await importReport(importId);
  if (!report) throw new ApiError("not_found", "No import has this id.");
  return {
    id: report.id,
    status: report.status as ImportReport["status"],
    total: report.total,
    succeeded: report.succeeded,
    failed: report.failed,
    pending: report.pending,
    created_at: report.createdAt.toISOString(),
    finished_at: report.finishedAt?.toISOString() ?? null,
    failures: report.failures.map((failure) => ({
      position: failure.position,
      organization_external_id: failure.organizationExternalId,
      code: failure.code as ImportReport["failures"][number]["code"],
      message: failure.message,
    })),
  };
}
