import { timingSafeEqual } from "node:crypto";
import type { ConnectionService } from "../domain/connections";
import type { ConnectionRecord, TokenRecord } from "../state/types";
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

/** Data endpoints also fail when the connection is unhealthy or lacks the product. */
export function requireDataAccess(
  req: EmulatorRequest,
  connections: ConnectionService,
  product: string,
): BearerContext {
  const context = requireBearer(req, connections);
  switch (context.connection.status) {
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
  if (!context.token.products.includes(product)) throw errors.insufficientScope(product);
  if (context.connection.failingProducts?.includes(product)) throw errors.insufficientPermissions();
  return context;
}
