import type { EmulatorContext } from "../context";
import type { SignInFlow } from "../domain/complete-sign-in";
import { isFinchProduct } from "../../../lib/finch/spec/products";
import { findProvider } from "../domain/providers";
import {
  AUTHENTICATION_TYPES,
  type AuthenticationType,
  type ClientType,
  type ConnectionType,
} from "../state/types";

/** Where results go: an embedded iframe posts messages to its parent, a redirect flow goes back by URL. */
export interface FlowReturn {
  sdkHostUrl: string | null;
  redirectUri: string | null;
  state: string | null;
}

export interface ConnectFlow extends SignInFlow, FlowReturn {
  /** A provider fixed by the session, the legacy payroll_provider, or the connection being repaired. */
  preselectedProviderId: string | null;
  customerLabel: string;
}

export type FlowResolution =
  { ok: true; flow: ConnectFlow } | { ok: false; message: string; back: FlowReturn };

function originOf(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

function authenticationTypeOf(authMethod: string | null): AuthenticationType {
  return AUTHENTICATION_TYPES.find((type) => type === authMethod) ?? "credential";
}

function environment(sandbox: string | null): { clientType: ClientType; connectionType: ConnectionType } {
  if (sandbox === "finch" || sandbox === "true") return { clientType: "sandbox", connectionType: "finch" };
  if (sandbox === "provider") return { clientType: "sandbox", connectionType: "provider" };
  return { clientType: "development", connectionType: "provider" };
}

function fromSession(ctx: EmulatorContext, sessionId: string, back: FlowReturn): FlowResolution {
  const session = ctx.store.state.sessions.find((s) => s.id === sessionId);
  if (!session || Date.parse(session.expiresAt) <= Date.now()) {
    return {
      ok: false,
      message: "This Connect session is invalid or has expired. Ask for a new link.",
      back,
    };
  }
  if (session.completedAt) {
    return {
      ok: false,
      message: "This Connect session has already been completed. Ask for a new link.",
      back,
    };
  }
  const repairing = session.connectionId ? ctx.connections.get(session.connectionId) : undefined;
  if (session.connectionId && (!repairing || repairing.status === "disconnected")) {
    return { ok: false, message: "The connection this session reauthenticates no longer exists.", back };
  }
  return {
    ok: true,
    flow: {
      ...back,
      // The session's redirect_uri wins over nothing: Connect sessions carry their own.
      redirectUri: session.redirectUri,
      sessionId: session.id,
      customerId: session.customerId,
      customerName: session.customerName,
      customerEmail: session.customerEmail,
      products: session.products,
      reauthConnectionId: session.connectionId,
      authenticationType: repairing?.authenticationType ?? authenticationTypeOf(session.authMethod),
      ...(repairing
        ? { clientType: repairing.clientType, connectionType: repairing.connectionType }
        : environment(session.sandbox)),
      preselectedProviderId: repairing?.providerId ?? session.providerId,
      customerLabel: session.customerName ?? "your company",
    },
  };
}

/** The pre-session URL form: client_id, products (space separated), redirect_uri, state, payroll_provider, connection_id. */
function fromLegacyQuery(ctx: EmulatorContext, query: URLSearchParams, back: FlowReturn): FlowResolution {
  if (query.get("client_id") !== ctx.credentials.clientId) {
    return { ok: false, message: "Invalid client_id: this application is not registered with Finch.", back };
  }
  const products = (query.get("products") ?? "").split(/[\s,+]+/).filter(Boolean);
  if (products.length === 0 || !products.every(isFinchProduct)) {
    return { ok: false, message: "Invalid products: pass a space-separated list of Finch products.", back };
  }
  if (!back.sdkHostUrl && !back.redirectUri) {
    return { ok: false, message: "Missing redirect_uri: the redirect flow needs one.", back };
  }
  if (back.redirectUri && !originOf(back.redirectUri)) {
    return {
      ok: false,
      message: "Invalid redirect_uri: it must be an http or https URL.",
      back: { ...back, redirectUri: null },
    };
  }
  const connectionId = query.get("connection_id");
  const repairing = connectionId ? ctx.connections.get(connectionId) : undefined;
  if (connectionId && (!repairing || repairing.status === "disconnected")) {
    return { ok: false, message: "Unknown connection_id: nothing to reauthenticate.", back };
  }
  const payrollProvider = query.get("payroll_provider");
  const preselected =
    repairing?.providerId ?? (payrollProvider && findProvider(payrollProvider) ? payrollProvider : null);
  return {
    ok: true,
    flow: {
      ...back,
      sessionId: null,
      customerId: repairing?.customerId ?? null,
      customerName: repairing?.customerName ?? null,
      customerEmail: repairing?.customerEmail ?? null,
      products,
      reauthConnectionId: repairing?.id ?? null,
      authenticationType: repairing?.authenticationType ?? "credential",
      ...(repairing
        ? { clientType: repairing.clientType, connectionType: repairing.connectionType }
        : environment(query.get("sandbox"))),
      preselectedProviderId: preselected,
      customerLabel: query.get("client_name") ?? "your company",
    },
  };
}

export function resolveConnectFlow(ctx: EmulatorContext, query: URLSearchParams): FlowResolution {
  const back: FlowReturn = {
    sdkHostUrl: originOf(query.get("sdk_host_url")),
    redirectUri: query.get("redirect_uri"),
    state: query.get("state"),
  };
  const sessionId = query.get("session");
  if (sessionId) return fromSession(ctx, sessionId, back);
  if (query.get("client_id")) return fromLegacyQuery(ctx, query, back);
  return {
    ok: false,
    message: "Missing session: open Finch Connect with a session id from POST /connect/sessions.",
    back,
  };
}
