// GET /introspect and POST /disconnect – token metadata and revocation.
import type Finch from "@tryfinch/finch-api";
import type { EmulatorContext } from "../context";
import { requireBearer } from "../http/auth";
import { json } from "../../shared/http/reply";
import type { EmulatorRequest } from "../http/request";
import type { Route } from "../http/router";
import { z } from "zod";
import { liveEntities } from "../domain/entities";
import { errors } from "../http/finch-error";
import { parseJsonBody } from "../../shared/http/body";
import { validate } from "../http/validate";
import type { ConnectionRecord, ConnectionStatus } from "../state/types";

type ConnectionStatusType = Finch.Introspection.ConnectionStatus["status"];

const STATUS_MESSAGES: Partial<Record<ConnectionStatus, string>> = {
  reauth: "The employer must reauthenticate this connection through Finch Connect",
  pending: "Waiting for the employer to grant access",
  processing: "Access granted; the first data sync is in progress",
  error_no_account_setup: "No third-party administrator invitation has arrived yet",
  error_permissions: "Finch was added without sufficient permissions",
};

function connectionStatus(connection: ConnectionRecord): Finch.Introspection.ConnectionStatus {
  // Introspection only ever answers for live tokens, so `disconnected` cannot reach this point.
  const status = connection.status as ConnectionStatusType;
  const message = STATUS_MESSAGES[connection.status];
  return { status, last_successful_sync: connection.lastSuccessfulSync, ...(message ? { message } : {}) };
}

const disconnectEntitySchema = z.object({ entity_ids: z.array(z.string().min(1)).min(1) });

export function accountRoutes(ctx: EmulatorContext): Route[] {
  const introspect = (req: EmulatorRequest) => {
    const { token, connection } = requireBearer(req, ctx.connections);
    const status = connectionStatus(connection);
    const body: Finch.Introspection = {
      id: token.id,
      client_id: ctx.credentials.clientId,
      client_type: connection.clientType,
      connection_id: connection.id,
      connection_type: connection.connectionType,
      connection_status: status,
      authentication_methods: [
        { type: connection.authenticationType, connection_status: status, products: token.products },
      ],
      products: token.products,
      provider_id: connection.providerId,
      customer_id: connection.customerId,
      customer_name: connection.customerName,
      customer_email: connection.customerEmail,
      // Multi-entity mode reports each picked entity; `disconnected` is an entity status (SDK 9.4.0).
      entities: connection.entities
        ? connection.entities.map((e) => ({
            id: e.id,
            name: e.name,
            source_id: e.sourceId,
            status: e.status as ConnectionStatusType,
          }))
        : [{ id: connection.entityId, name: null, source_id: null, status: status.status }],
      manual: connection.authenticationType === "assisted",
      username: connection.username,
      company_id: connection.companyId,
      account_id: connection.accountId,
      payroll_provider_id: connection.providerId,
    };
    return json(body);
  };

  const disconnect = (req: EmulatorRequest) => {
    const { connection } = requireBearer(req, ctx.connections);
    ctx.connections.setStatus(connection, "disconnected");
    return json({ status: "success" });
  };

  /** Removes the named entities (one account.updated each); the token stays valid for the others. */
  const disconnectEntity = (req: EmulatorRequest) => {
    const { connection } = requireBearer(req, ctx.connections);
    const { entity_ids } = validate(disconnectEntitySchema, parseJsonBody(req));
    const live = liveEntities(connection);
    const unknown = entity_ids.find((id) => !live.some((e) => e.id === id));
    if (unknown) throw errors.badRequest(`Entity '${unknown}' is not a connected entity of this connection`);
    if (!connection.entities) ctx.connections.setStatus(connection, "disconnected");
    else for (const id of entity_ids) ctx.connections.setEntityStatus(connection, id, "disconnected");
    return json({ status: "success" });
  };

  return [
    { method: "GET", pattern: "/introspect", kind: "api", handle: introspect },
    { method: "POST", pattern: "/disconnect", kind: "api", handle: disconnect },
    { method: "POST", pattern: "/disconnect-entity", kind: "api", handle: disconnectEntity },
  ];
}
