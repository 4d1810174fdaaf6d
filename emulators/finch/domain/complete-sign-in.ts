import { OTHER_COMPANY_USERNAME_PREFIX } from "../defaults";
import { isMultiEntityUsername, type EmployerEntity } from "./entities";
import { newAuthorizationCode } from "../state/ids";
import type { StateStore } from "../state/state-store";
import type {
  AuthenticationType,
  AuthorizationCodeRecord,
  ClientType,
  ConnectionRecord,
  ConnectionType,
} from "../state/types";
import { defaultEmployeeCount } from "./company-generator";
import { companyIdFor, type ConnectionService } from "./connections";

export const AUTHORIZATION_CODE_TTL_MS = 10 * 60 * 1000;

/** What a finished Connect sign-in needs to know about the flow it belongs to. */
export interface SignInFlow {
  sessionId: string | null;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  products: string[];
  redirectUri: string | null;
  reauthConnectionId: string | null;
  authenticationType: AuthenticationType;
  clientType: ClientType;
  connectionType: ConnectionType;
}

export interface SignInResult {
  connection: ConnectionRecord;
  code: AuthorizationCodeRecord;
}

/**
 * Usernames starting with "other" land on a different company; any other username is treated as an
 * admin of the customer's main company, so it maps to the same connection.
 */
export function companyKeyFor(username: string): string {
  const normalized = username.trim().toLowerCase();
  if (normalized.startsWith(OTHER_COMPANY_USERNAME_PREFIX)) return normalized;
  return isMultiEntityUsername(normalized) ? "multi" : "primary";
}

/** Whether a sign-in in a reauth session repairs that session's connection (rather than another company's). */
export function repairsOriginal(original: ConnectionRecord, username: string): boolean {
  const key = companyKeyFor(username);
  if (original.entities) return !key.startsWith(OTHER_COMPANY_USERNAME_PREFIX);
  return key === "primary" || key === original.companyKey;
}

/** The company a sign-in lands on (its entities are what the entity step shows). */
export function signInCompanyId(
  flow: SignInFlow,
  original: ConnectionRecord | undefined,
  providerId: string,
  username: string,
): string {
  if (original && repairsOriginal(original, username)) return original.companyId;
  const customerId = (original ?? flow).customerId;
  return companyIdFor(customerId, original?.providerId ?? providerId, companyKeyFor(username));
}

function findOrCreateConnection(
  connections: ConnectionService,
  flow: SignInFlow,
  customer: Pick<SignInFlow, "customerId" | "customerName" | "customerEmail">,
  providerId: string,
  username: string,
): ConnectionRecord {
  const companyKey = companyKeyFor(username);
  const existing = connections.findByCompanyKey(customer.customerId, providerId, companyKey);
  if (existing) {
    existing.username = username;
    connections.addProducts(existing, flow.products);
    // Signing in again with working credentials repairs a broken connection (Finch's "same credentials" case).
    connections.setStatus(existing, "connected");
    return existing;
  }
  const companyId = companyIdFor(customer.customerId, providerId, companyKey);
  return connections.create({
    providerId,
    companyId,
    authenticationType: flow.authenticationType,
    clientType: flow.clientType,
    connectionType: flow.connectionType,
    products: flow.products,
    customerId: customer.customerId,
    customerName: customer.customerName,
    customerEmail: customer.customerEmail,
    username,
    companyKey,
    employeeCount: defaultEmployeeCount(companyId),
  });
}

/** Resolves the connection a successful sign-in belongs to and issues a single-use code for it. */
export function completeSignIn(
  store: StateStore,
  connections: ConnectionService,
  flow: SignInFlow,
  providerId: string,
  username: string,
  picked: EmployerEntity[] = [],
): SignInResult {
  const original = flow.reauthConnectionId ? connections.get(flow.reauthConnectionId) : undefined;
  let connection: ConnectionRecord;
  if (original && repairsOriginal(original, username)) {
    original.username = username;
    connections.addProducts(original, flow.products);
    connections.setStatus(original, "connected");
    connection = original;
  } else {
    // A reauth signed in as another company leaves the original connection broken, as Finch would.
    const customer = original ?? flow;
    connection = findOrCreateConnection(
      connections,
      flow,
      customer,
      original?.providerId ?? providerId,
      username,
    );
  }

  if (picked.length > 0) connections.pickEntities(connection, picked);

  const now = Date.now();
  const code: AuthorizationCodeRecord = {
    code: newAuthorizationCode(),
    connectionId: connection.id,
    products: flow.products,
    redirectUri: flow.redirectUri,
    sessionId: flow.sessionId,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + AUTHORIZATION_CODE_TTL_MS).toISOString(),
    usedAt: null,
  };
  store.state.codes.push(code);
  const session = flow.sessionId ? store.state.sessions.find((s) => s.id === flow.sessionId) : undefined;
  if (session) session.completedAt = new Date(now).toISOString();
  store.save();
  return { connection, code };
}
