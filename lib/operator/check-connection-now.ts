// "Check now" for one connection: the sweep for just that connection, run as a job and awaited, and
// recorded on its timeline with the operator who asked.
import "server-only";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { runSweepNow } from "@/lib/sweep/run-sweep-now";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function checkConnectionNow({
  connectionId,
  operator,
}: {
  connectionId: string;
  operator: { id: string; email: string };
}): Promise<string> {
  const connection = await db().connection.findUnique({
    where: { id: connectionId },
    select: { organizationId: true },
  });
  if (!connection) throw new AppError("not_found", "This connection does not exist.");
  await recordConnectionEvent(db(), {
    connectionId,
    organizationId: connection.organizationId,
    type: "operator_check",
    source: "operator",
    detail: `Requested by ${operator.email}`,
    actorUserId: operator.id,
  });
  const run = await runSweepNow({ organizationId: connection.organizationId, connectionIds: [connectionId] });
  if (run.kind === "pending") return "The check is queued and will finish shortly.";
  const after = await db().connection.findUnique({ where: { id: connectionId }, select: { status: true } });
  return `Checked: ${after?.status === "healthy" ? "working" : (after?.status ?? "unknown").replace("_", " ")}.`;
}
