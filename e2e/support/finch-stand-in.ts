// Drives the Finch stand-in's control API, the way a person uses its control page during a demo.
import Finch from "@tryfinch/finch-api";
import { APP_URL, FINCH_URL } from "./ports";

export { FINCH_URL };
export const APP_WEBHOOK_URL = `${APP_URL}/api/finch/webhook`;

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${FINCH_URL}/_emulator${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`stand-in ${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export function setConnectionStatus(finchConnectionId: string, status: string) {
  return control("POST", `/connections/${encodeURIComponent(finchConnectionId)}/status`, { status });
}

export function setWebhookUrls(urls: string[]) {
  return control("PUT", "/webhooks", { urls });
}

export function revokeOldTokensOnReauth(revoke: boolean) {
  return control("PUT", "/settings", { revokeOldTokensOnReauth: revoke });
}

export function setAuthenticationType(finchConnectionId: string, authenticationType: string) {
  return control("POST", `/connections/${encodeURIComponent(finchConnectionId)}/authentication-type`, {
    authentication_type: authenticationType,
  });
}

/** These products answer 403 (permission missing) until cleared, across reconnects. */
export function setFailingProducts(finchConnectionId: string, products: string[]) {
  return control("POST", `/connections/${encodeURIComponent(finchConnectionId)}/failing-products`, {
    products,
  });
}

/** Makes the stand-in's next `count` calls to `path` fail with `status` (its fault injection). */
export function injectFault(path: string, status: 429 | 500 | 502 | 503, count: number) {
  return control("POST", "/faults", { path, status, count });
}

export function clearFaults() {
  return control("DELETE", "/faults");
}

/** One entity of a multi-entity connection changes status (and Finch sends its account.updated). */
export function setEntityStatus(finchConnectionId: string, entityId: string, status: string) {
  return control(
    "POST",
    `/connections/${encodeURIComponent(finchConnectionId)}/entities/${encodeURIComponent(entityId)}/status`,
    { status },
  );
}

/** A connection's entities by name, as the stand-in's control API lists them. */
export async function entitiesOf(finchConnectionId: string): Promise<Record<string, string>> {
  const { connections } = await control<{
    connections: { connection_id: string; entities: { id: string; name: string }[] }[];
  }>("GET", "/connections");
  const connection = connections.find((c) => c.connection_id === finchConnectionId);
  return Object.fromEntries((connection?.entities ?? []).map((e) => [e.name, e.id]));
}

export interface SandboxConnection {
  connection_id: string;
  company_id: string;
  access_token: string;
}

/** A sandbox connection and its access token, as a host backend already holds one in its own database. */
export function createSandboxConnection(providerId = "gusto", employeeSize = 5) {
  return control<SandboxConnection>("POST", "/connections", {
    provider_id: providerId,
    employee_size: employeeSize,
  });
}

/** The stand-in's API as the host's backend calls it with one access token (the real SDK, no retries). */
export function finchWithToken(accessToken: string): Finch {
  return new Finch({ accessToken, baseURL: FINCH_URL, maxRetries: 0 });
}
