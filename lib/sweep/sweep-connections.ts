// The sweep: asks Finch about every connection (or one organization's) and feeds each answer into
// the state machine, catching missed webhooks and recoveries. Bounded concurrency; a 429 stops new
// calls at once and the unchecked rest is re-queued for after Retry-After.
import "server-only";
import { forEachBounded } from "@/lib/concurrency/for-each-bounded";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { applyEntityStatuses } from "@/lib/signals/apply-entity-statuses";
import { recordUnchangedCheck } from "@/lib/signals/record-unchanged-status";
import { readAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { markTokenRejected } from "@/lib/signals/mark-token-rejected";
import { enqueue } from "@/lib/jobs/enqueue";
import { sweepScopeKey } from "@/lib/jobs/queues";
import { logError, logInfo } from "@/lib/log";
import { introspectConnection } from "@/lib/finch/introspect-connection";
import { scheduleNextChecks } from "@/lib/connections/sweep-schedule";

export interface DeferredSweep {
  organizationId?: string;
  connectionIds: string[];
  retryAfterSeconds: number;
}

export interface SweepConnectionsOptions {
  organizationId?: string;
  /** Only these connections (a deferred remainder). */
  connectionIds?: string[];
  /** Finch calls in flight at once; SWEEP_CONCURRENCY by default. */
  concurrency?: number;
  /** Where the connections a 429 left unchecked go; by default a sweep job that starts after Retry-After. */
  deferRemainder?: (remainder: DeferredSweep) => Promise<void>;
}

export interface SweepSummary {
  checked: number;
  changed: number;
  /** Not checked because of 5xx, network trouble or unreadable answers; their status is left alone. */
  failed: number;
  /** Not checked because Finch rate-limited us; re-queued. */
  deferred: number;
  retryAfterSeconds?: number;
}

interface Target {
  id: string;
  organizationId: string;
}

// Without a Retry-After header, wait a minute (Finch's limits are per rolling minute); never retry
// sooner than a few seconds, so a "Retry-After: 0" cannot turn the sweep into a tight loop.
const DEFAULT_RETRY_AFTER_SECONDS = 60;
const MIN_RETRY_AFTER_SECONDS = 5;

async function deferWithJob({
  organizationId,
  connectionIds,
  retryAfterSeconds,
}: DeferredSweep): Promise<void> {
  const id = await enqueue(
    "connections-sweep",
    { organizationId, connectionIds },
    { singletonKey: sweepScopeKey(organizationId), startAfter: retryAfterSeconds },
  );
  // null: a sweep of this scope is already waiting; it, or the next scheduled one, covers these.
  if (!id)
    logInfo(
      `sweep ${sweepScopeKey(organizationId)}: a sweep is already queued; ${connectionIds.length} deferred connection(s) left to it`,
    );
}

export async function sweepConnections(options: SweepConnectionsOptions = {}): Promise<SweepSummary> {
  const {
    organizationId,
    connectionIds,
    concurrency = env().SWEEP_CONCURRENCY,
    deferRemainder = deferWithJob,
  } = options;
  const started = Date.now();
  const scope = sweepScopeKey(organizationId);
  // Disconnected connections have revoked tokens and come back only through a new Connect.
  const targets: Target[] = await db().connection.findMany({
    where: {
      status: { not: "disconnected" },
      ...(organizationId && { organizationId }),
      ...(connectionIds && { id: { in: connectionIds } }),
    },
    select: { id: true, organizationId: true },
    // Least recently checked first, so repeated rate limiting cannot starve the same connections.
    orderBy: [{ lastCheckedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  });

  const summary: SweepSummary = { checked: 0, changed: 0, failed: 0, deferred: 0 };
  const rejected: Target[] = [];
  const rateLimitedTargets: Target[] = [];
  let retryAfter: number | undefined;
  let rateLimited = false;
  let answered = 0;
  const checkedIds: string[] = [];

  const notStarted = await forEachBounded(
    targets,
    async (target) => {
      try {
        const token = await readAccessToken(target.id, target.organizationId);
        if (!token) return; // deleted since the list was read
        const result = await introspectConnection(token);
        switch (result.kind) {
          case "status": {
            answered++;
            checkedIds.push(target.id);
            // Multi-entity: each entity's status, and the connection's derived from them. Otherwise the
            // usual answer (nothing changed) is one statement, and only a change is a signal.
            const outcome = result.entities
              ? await applyEntityStatuses({
                  connectionId: target.id,
                  entities: result.entities,
                  source: "sweep",
                })
              : (await recordUnchangedCheck(target.id, result.finchStatus))
                ? null
                : await applyConnectionSignal({
                    connectionId: target.id,
                    finchStatus: result.finchStatus,
                    source: "sweep",
                  });
            summary.checked++;
            if (outcome?.changed) summary.changed++;
            return;
          }
          case "token_rejected":
            rejected.push(target);
            return;
          case "rate_limited":
            rateLimited = true;
            rateLimitedTargets.push(target);
            if (result.retryAfterSeconds !== undefined)
              retryAfter = Math.max(retryAfter ?? 0, result.retryAfterSeconds);
            return;
          case "unavailable":
            summary.failed++;
            logInfo(`sweep ${scope}: connection ${target.id} not checked (${result.detail})`);
            return;
        }
      } catch (error) {
        summary.failed++;
        logError(`sweep ${scope}: connection ${target.id} failed`, error);
      }
    },
    { concurrency, shouldStop: () => rateLimited },
  );

  await markRejected(rejected, answered, summary, scope);
  // The continuous schedule: checked now, so due again by risk and target (sweep-schedule.ts).
  await scheduleNextChecks(checkedIds).catch((error: unknown) =>
    logError(`sweep ${scope}: could not schedule the next checks`, error),
  );

  const remainder = [...rateLimitedTargets, ...notStarted];
  if (remainder.length > 0) {
    summary.deferred = remainder.length;
    summary.retryAfterSeconds = Math.max(retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS, MIN_RETRY_AFTER_SECONDS);
    try {
      await deferRemainder({
        organizationId,
        connectionIds: remainder.map((t) => t.id),
        retryAfterSeconds: summary.retryAfterSeconds,
      });
    } catch (error) {
      logError(
        `sweep ${scope}: could not re-queue ${remainder.length} rate-limited connection(s); the next scheduled sweep covers them`,
        error,
      );
    }
  }
  logInfo(
    `sweep ${scope}: checked ${summary.checked}, changed ${summary.changed}, failed ${summary.failed}, deferred ${summary.deferred} in ${Date.now() - started} ms`,
  );
  return summary;
}

/**
 * A 401 invalid_token means Finch no longer knows the token: it was revoked by a disconnect or
 * replaced by a reauthentication whose new token we never received. Either way the customer's
 * action is Reconnect (see markTokenRejected); a later "connected" from any path undoes it. The same 401 for every
 * token we hold, with no token accepted, points at our own configuration (wrong FINCH_BASE_URL,
 * environment or credentials) rather than at mass disconnection: then nothing is flipped.
 */
async function markRejected(
  rejected: Target[],
  answered: number,
  summary: SweepSummary,
  scope: string,
): Promise<void> {
  if (rejected.length === 0) return;
  if (answered === 0 && rejected.length > 1) {
    summary.failed += rejected.length;
    logError(
      `sweep ${scope}: Finch rejected all ${rejected.length} tokens and accepted none; check FINCH_BASE_URL and the Finch credentials. No connection was marked disconnected.`,
    );
    return;
  }
  for (const target of rejected) {
    try {
      const outcome = await markTokenRejected({ connectionId: target.id, source: "sweep" });
      summary.checked++;
      if (outcome.changed) summary.changed++;
    } catch (error) {
      summary.failed++;
      logError(`sweep ${scope}: connection ${target.id} failed`, error);
    }
  }
}
