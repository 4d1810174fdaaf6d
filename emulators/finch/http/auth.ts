import { timingSafeEqual } from "node:crypto";
import type { ConnectionService } from "../domain/connections";
import { liveEntities } from "../domain/entities";
import type { ConnectionRecord, ConnectionStatus, EntityRecord, TokenRecord } from "../state/types";
import { errors } from "./finch-error";
import type { EmulatorRequest } from "./request";

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface BearerContext {
  token: TokenRecord;
  connection: ConnectionRecord;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function credentialsMatch(
  expected: ClientCredentials,
  clientId: unknown,
  clientSecret: unknown,
): boolean {
  return (
    typeof clientId === "string" &&
    typeof clientSecret === "string" &&
    safeEqual(clientId, expected.clientId) &&
    safeEqual(clientSecret, expected.clientSecret)
  );
}

/** HTTP Basic with client_id:client_secret, as /connect/sessions and the sandbox create calls use. */
export function requireBasicClient(req: EmulatorRequest, expected: ClientCredentials): void {
  const header = req.headers.authorization ?? "";
  const match = /^Basic\s+(.+)$/i.exec(header);
  if (!match?.[1]) throw errors.missingClientCredentials();
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0) throw errors.invalidClient();
  if (!credentialsMatch(expected, decoded.slice(0, separator), decoded.slice(separator + 1)))
    throw errors.invalidClient();
}

/** A valid, unrevoked access token. Says nothing about the connection's health (see requireDataAccess). */
export function requireBearer(req: EmulatorRequest, connections: ConnectionService): BearerContext {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw errors.missingToken();
  const token = connections.findToken(match[1]);
  if (!token || token.revokedAt) throw errors.invalidToken();
  const connection = connections.get(token.connectionId);
  if (!connection) throw errors.invalidToken();
  return { token, connection };
}

/** The SDK encodes arrays as `entity_ids[]=…`; plain `entity_ids=…` is accepted too. */
function requestedEntityIds(req: EmulatorRequest): string[] {
  return [...req.url.searchParams.getAll("entity_ids[]"), ...req.url.searchParams.getAll("entity_ids")];
}

/**
 * The entities a data request is for. On a connection with more than one live entity `entity_ids` is
 * required (the stand-in's choice where Finch is silent: 400); otherwise it defaults to the one entity.
 */
function targetEntities(
  req: EmulatorRequest,
  connection: ConnectionRecord,
  maxCount?: number,
): EntityRecord[] {
  const ids = requestedEntityIds(req);
  if (maxCount !== undefined && ids.length > maxCount) {
    throw errors.badRequest(`At most ${maxCount} entity_id may be given for this endpoint`);
  }
  const live = liveEntities(connection);
  if (ids.length === 0) {
    if (live.length > 1)
      throw errors.badRequest("entity_ids is required: this connection covers more than one entity");
    return live;
  }
  return ids.map((id) => {
    const entity = live.find((e) => e.id === id);
    if (!entity) throw errors.badRequest(`Entity '${id}' is not part of this connection`);
    return entity;
  });
}

function checkStatus(status: ConnectionStatus): void {
  switch (status) {
    case "reauth":
      throw errors.reauthenticate();
    case "pending":
    case "processing":
    case "error_no_account_setup":
      throw errors.accountSetupRequired();
    case "error_permissions":
      throw errors.insufficientPermissions();
    case "disconnected":
      throw errors.invalidToken();
    case "connected":
      break;
  }
}

export interface DataAccess extends BearerContext {
  /** The entities the request is for (one, unless the caller passed several). */
  entities: EntityRecord[];
}

/**
 * Data endpoints also fail when the connection (or, in multi-entity mode, one of the requested
 * entities) is unhealthy or lacks the product; healthy entities keep answering.
 */
export function requireDataAccess(
  req: EmulatorRequest,
  connections: ConnectionService,
  product: string,
  maxEntities?: number,
): DataAccess {
  const context = requireBearer(req, connections);
  if (context.connection.status === "disconnected") throw errors.invalidToken();
  const entities = targetEntities(req, context.connection, maxEntities);
  if (context.connection.entities) entities.forEach((e) => checkStatus(e.status));
  else checkStatus(context.connection.status);
  if (!context.token.products.includes(product)) throw errors.insufficientScope(product);
  if (context.connection.failingProducts?.includes(product)) throw errors.insufficientPermissions();
  return { ...context, entities };
}
