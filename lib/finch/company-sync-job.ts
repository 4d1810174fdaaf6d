// The company data sync right after connecting, made durable: when Finch or the shared call budget
// refuses it for now (a rate limit, Finch unreachable), it becomes a company-sync job that runs once
// the wait is over and retries with backoff, instead of leaving the connection without its data.
import "server-only";
import { isAppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import type { JobData } from "@/lib/jobs/queues";
import { logError, logInfo } from "@/lib/log";
import { syncCompanyData } from "./sync-company-data";

type CompanySync = JobData<"company-sync">;

/** Seconds before the first retry when the refusal names no wait. */
const DEFAULT_RETRY_SECONDS = 30;

/** Syncs now; a refusal worth retrying queues the sync for later. Never throws. */
export async function syncAfterConnect(sync: CompanySync): Promise<"synced" | "queued" | "failed"> {
  try {
    await syncCompanyData(sync);
    return "synced";
  } catch (error) {
    if (!isAppError(error) || !error.retryable) {
      // The dashboard shows the connection anyway and offers "Sync now".
      logError(`connection ${sync.connectionId}: company data sync after connecting failed`, error);
      return "failed";
    }
    const startAfter = Math.max(1, error.retryAfterSeconds ?? DEFAULT_RETRY_SECONDS);
    try {
      await enqueue("company-sync", sync, { singletonKey: sync.connectionId, startAfter });
      logInfo(
        `connection ${sync.connectionId}: company data sync refused for now (${error.code}); retrying in ${startAfter} s`,
      );
      return "queued";
    } catch (queueError) {
      logError(`connection ${sync.connectionId}: could not queue the company data sync`, queueError);
      return "failed";
    }
  }
}

/** The job: a refusal worth retrying throws, so pg-boss tries again with backoff; others end it. */
export async function runCompanySyncJob(sync: CompanySync): Promise<{ synced: boolean }> {
  try {
    await syncCompanyData(sync);
    return { synced: true };
  } catch (error) {
    if (isAppError(error) && error.retryable) throw error;
    logError(`connection ${sync.connectionId}: company data sync job gave up`, error);
    return { synced: false };
  }
}
