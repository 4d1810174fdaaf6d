// "Reconnect": a reauthentication Connect session for one connection, so Connect opens on the
// customer's provider with no picker, and the token it yields belongs to the same connection.
import "server-only";
import Finch from "@tryfinch/finch-api";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { finchAppClient } from "@/lib/finch/finch-client";
import { toFinchAppError } from "@/lib/finch/to-finch-app-error";
import { createConnectAttempt } from "./connect-attempts";
import type { ConnectLaunch } from "./connect-launch";
import { classicConnectUrl, connectCallbackUrl, withState } from "./connect-urls";

export interface StartReconnectOptions {
  userId: string;
  organizationId: string;
  connectionId: string;
  returnTo?: string;
  /** Where the customer started: the dashboard banner or an emailed link. */
  via?: "dashboard" | "email";
}

export async function startReconnect({
  userId,
  organizationId,
  connectionId,
  returnTo,
  via = "dashboard",
}: StartReconnectOptions): Promise<ConnectLaunch> {
  const connection = await db().connection.findFirst({
    where: { id: connectionId, organizationId },
    select: { id: true, finchConnectionId: true, providerId: true, products: true, status: true },
  });
  if (!connection) throw new AppError("not_found", "This connection does not exist.");
  if (connection.status === "disconnected")
    throw new AppError("conflict", "This connection was disconnected. Connect payroll again instead.");

  const state = await createConnectAttempt({
    userId,
    organizationId,
    connectionId,
    purpose: "reconnect",
    returnTo,
  });
  await recordConnectionEvent(db(), {
    connectionId,
    organizationId,
    type: "connect_started",
    source: via,
    actorUserId: userId,
  });
  if (env().FINCH_CONNECT_FLOW === "classic") {
    const url = classicConnectUrl({
      state,
      products: connection.products,
      payrollProvider: connection.providerId,
      connectionId: connection.finchConnectionId,
    });
    return { sessionId: null, state, url };
  }
  try {
    const session = await finchAppClient().connect.sessions.reauthenticate({
      connection_id: connection.finchConnectionId,
      redirect_uri: connectCallbackUrl(),
    });
    return { sessionId: session.session_id, state, url: withState(session.connect_url, state) };
  } catch (error) {
    // Finch refuses a reauthentication only for a connection it no longer has (a disconnect).
    if (error instanceof Finch.BadRequestError)
      throw new AppError(
        "conflict",
        "Finch no longer has this connection (it was disconnected). Use “Connect payroll” to connect it again.",
        { cause: error },
      );
    throw toFinchAppError(error, "We could not open Finch Connect. Please try again.");
  }
}
