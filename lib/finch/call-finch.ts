// The gateway: every call the app makes to Finch on behalf of a connection goes through here, so a
// 401 reauthenticate_user anywhere marks the connection, and other failures stay distinct. Every
// HTTP request any Finch client makes takes its permit from the shared budget first
// (finch-client.ts → lib/finch/budget/budgeted-fetch.ts); background callers wrap their work in
// withFinchPriority("background", …).
import "server-only";
import Finch from "@tryfinch/finch-api";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { applyEntityStatuses, isMultiEntity } from "@/lib/signals/apply-entity-statuses";
import { readAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { finchConnectionClient } from "./finch-client";
import { isReauthError, isTransientError } from "./finch-errors";
import { toFinchAppError } from "./to-finch-app-error";

export interface CallFinchOptions {
  connectionId: string;
  organizationId: string;
  /**
   * Multi-entity connections: the one entity this call is for (the call passes it as `entity_ids`).
   * Its outcome then marks that entity only, never the others.
   */
  entityId?: string;
}

/** What a call's outcome says about the connection, or about the one entity it was for. */
async function signal(connectionId: string, entityId: string | undefined, finchStatus: string) {
  if (entityId) {
    await applyEntityStatuses({
      connectionId,
      entities: [{ finchEntityId: entityId, finchStatus }],
      source: "api_error",
    });
    return;
  }
  // A call for no entity says nothing about a multi-entity connection's entities when it succeeds.
  if (finchStatus === "connected" && (await isMultiEntity(db(), connectionId))) return;
  await applyConnectionSignal({ connectionId, finchStatus, source: "api_error" });
}

export async function callFinch<T>(
  { connectionId, organizationId, entityId }: CallFinchOptions,
  call: (client: Finch) => Promise<T>,
): Promise<T> {
  const token = await readAccessToken(connectionId, organizationId);
  if (!token) throw new AppError("not_found", "This connection does not exist.");
  try {
    const result = await call(finchConnectionClient(token));
    // A successful call is proof of health: it also repairs a connection Finch restored on its own.
    await signal(connectionId, entityId, "connected");
    return result;
  } catch (error) {
    throw await translate(error, connectionId, entityId);
  }
}

/** The side effects a failed call has on the connection, then the one shared error mapping. */
async function translate(error: unknown, connectionId: string, entityId?: string): Promise<AppError> {
  if (isReauthError(error)) {
    await signal(connectionId, entityId, "reauth");
  } else if (error instanceof Finch.AuthenticationError && !isTransientError(error)) {
    await db().connection.updateMany({ where: { id: connectionId }, data: { lastCheckedAt: new Date() } });
  }
  return toFinchAppError(error, undefined);
}
