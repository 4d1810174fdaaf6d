// The emulator's whole persisted state. Plain JSON-able records so the state file is readable by people.

import { AUTHENTICATION_TYPES, type AuthenticationType } from "../../../lib/finch/spec/authentication-types";
import type { FINCH_STATUS_WORDS } from "../../../lib/finch/spec/connection-statuses";

/** Finch's ConnectionStatusType plus `disconnected`, which only the emulator's records and webhooks use. */
export type ConnectionStatus = (typeof FINCH_STATUS_WORDS)[number];

export { AUTHENTICATION_TYPES };
export type { AuthenticationType };

export type ClientType = "development" | "production" | "sandbox";
export type ConnectionType = "provider" | "finch";

/** One company (EIN) of a multi-entity connection, as the employer picked it in Connect. */
export interface EntityRecord {
  id: string;
  name: string;
  sourceId: string;
  status: ConnectionStatus;
}

export interface ConnectionRecord {
  id: string;
  companyId: string;
  accountId: string;
  entityId: string;
  providerId: string;
  status: ConnectionStatus;
  authenticationType: AuthenticationType;
  clientType: ClientType;
  connectionType: ConnectionType;
  products: string[];
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  /** Last username that signed in through Connect; null for sandbox-API connections. */
  username: string | null;
  /** Which company a Connect sign-in lands on; null for sandbox-API connections (never matched). */
  companyKey: string | null;
  employeeCount: number;
  createdAt: string;
  updatedAt: string;
  lastSuccessfulSync: string | null;
  /** Products whose data endpoints answer 403 permission errors even while connected (a repair that half works). */
  failingProducts?: string[];
  /**
   * Multi-entity mode: the entities the employer picked (absent on single-entity connections, whose one
   * entity is `entityId` with the connection's status). `status` is then derived from them.
   */
  entities?: EntityRecord[];
}

export interface TokenRecord {
  accessToken: string;
  /** The token's own id, which /introspect reports as `id`. */
  id: string;
  connectionId: string;
  products: string[];
  createdAt: string;
  revokedAt: string | null;
}

export interface AuthorizationCodeRecord {
  code: string;
  connectionId: string;
  products: string[];
  redirectUri: string | null;
  sessionId: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface SessionRecord {
  id: string;
  kind: "new" | "reauthenticate";
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  products: string[];
  providerId: string | null;
  authMethod: string | null;
  redirectUri: string | null;
  sandbox: "finch" | "provider" | null;
  manual: boolean;
  /** Set for reauthenticate sessions: the connection being repaired. */
  connectionId: string | null;
  createdAt: string;
  expiresAt: string;
  completedAt: string | null;
}

export interface DeliveryAttempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDeliveryRecord {
  id: string;
  eventId: string;
  url: string;
  eventType: string;
  connectionId: string;
  payload: string;
  status: "pending" | "delivered" | "failed";
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  createdAt: string;
}

export type AuthenticationMethodShape = "object" | "string";

export interface WebhookSettings {
  urls: string[];
  authenticationMethodShape: AuthenticationMethodShape;
}

export interface EmulatorState {
  version: 1;
  connections: ConnectionRecord[];
  tokens: TokenRecord[];
  codes: AuthorizationCodeRecord[];
  sessions: SessionRecord[];
  deliveries: WebhookDeliveryRecord[];
  webhooks: WebhookSettings;
  /** Whether a completed reauthentication revokes the connection's older tokens (default: they coexist). */
  revokeOldTokensOnReauth: boolean;
}

export function emptyState(webhooks: WebhookSettings): EmulatorState {
  return {
    version: 1,
    connections: [],
    tokens: [],
    codes: [],
    sessions: [],
    deliveries: [],
    webhooks,
    revokeOldTokensOnReauth: false,
  };
}
