// The guard on failed Connect attempts: every attempt that ends in an error or is closed without
// success counts, per problem (since the connection's status last changed, which for a reauth is when
// its incident began). After HELP_AFTER_FAILED_ATTEMPTS the pages offer help before another try,
// because payroll providers lock an account after 3 wrong passwords.
import "server-only";
import { lockConnectionSql, type LockedConnection } from "./lock-connection-sql";
import { db } from "@/lib/db";
import { toPlainText } from "@/lib/http/plain-text";
import { AppError } from "@/lib/errors";
import { recordConnectionEvent } from "./connection-events";
import { HELP_AFTER_FAILED_ATTEMPTS } from "./help-after-failed-attempts";

export type AttemptOutcome = "error" | "closed";

export interface FailedAttemptInput {
  connectionId: string;
  organizationId: string;
  userId: string;
  outcome: AttemptOutcome;
  /** Connect's own message (e.g. the provider's "Incorrect username or password"). */
  message?: string;
}

const countSince = (connectionId: string, since: Date) =>
  db().connectionEvent.count({
    where: { connectionId, type: "connect_attempt_failed", createdAt: { gte: since } },
  });

export async function recordFailedAttempt(input: FailedAttemptInput): Promise<{ failedAttempts: number }> {
  return db().$transaction(async (tx) => {
    // Serializes reports for one connection, so two at once count as 1 and 2.
    const [row] = await tx.$queryRaw<LockedConnection[]>(
      lockConnectionSql(input.connectionId, input.organizationId),
    );
    if (!row) throw new AppError("not_found", "This connection does not exist.");
    if (row.status === "healthy") return { failedAttempts: 0 };
    const failedAttempts =
      (await tx.connectionEvent.count({
        where: {
          connectionId: input.connectionId,
          type: "connect_attempt_failed",
          createdAt: { gte: row.statusSince },
        },
      })) + 1;
    // Connect's message is the browser's to send: no NUL byte or lone surrogate reaches the row.
    const what =
      input.outcome === "error"
        ? `ended with an error${input.message ? `: ${toPlainText(input.message.slice(0, 200))}` : ""}`
        : "was closed without finishing";
    // The dashboard's ETag follows Connection.updatedAt: the new count must reach the polling banner.
    await tx.connection.update({ where: { id: input.connectionId }, data: { updatedAt: new Date() } });
    const event = {
      connectionId: input.connectionId,
      organizationId: input.organizationId,
      actorUserId: input.userId,
    };
    await recordConnectionEvent(tx, {
      ...event,
      type: "connect_attempt_failed",
      detail: `Attempt ${failedAttempts} ${what}`,
    });
    if (failedAttempts === HELP_AFTER_FAILED_ATTEMPTS) {
      await recordConnectionEvent(tx, {
        ...event,
        type: "repair_help_offered",
        detail: `After ${failedAttempts} failed attempts: offered "Reset your ${row.providerName} password", "Ask a colleague to reconnect" and a contact line.`,
      });
    }
    return { failedAttempts };
  });
}

/** Failed attempts on each connection's current problem (0 for working ones). */
export async function countFailedAttempts(
  connections: { id: string; status: string; statusSince: Date }[],
): Promise<Map<string, number>> {
  const counts = await Promise.all(
    connections.map(
      async (c) => [c.id, c.status === "healthy" ? 0 : await countSince(c.id, c.statusSince)] as const,
    ),
  );
  return new Map(counts);
}
