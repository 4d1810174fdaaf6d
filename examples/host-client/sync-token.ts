// How a host backend uses the API with a typed client: openapi-fetch, with the types openapi-typescript
// generated from /api/v1/openapi.json (npm run api:types). Fetch the current Finch token before a sync,
// and report what Finch answered, so a broken connection reaches its customer at once.
import createClient from "openapi-fetch";
import type { paths } from "./api-types";

export interface HostClientOptions {
  /** Where the product runs, e.g. https://connections.example.com */
  baseUrl: string;
  /** An API key with tokens:read and connections:write. */
  apiKey: string;
  /** For tests or a proxy; the global fetch by default. */
  fetch?: (request: Request) => Promise<Response>;
}

export function hostClient({ baseUrl, apiKey, fetch }: HostClientOptions) {
  return createClient<paths>({ baseUrl, fetch, headers: { Authorization: `Bearer ${apiKey}` } });
}

type HostClient = ReturnType<typeof hostClient>;

/** The connection's current access token, to send to Finch as `Authorization: Bearer <token>`. */
export async function currentToken(client: HostClient, connectionId: string): Promise<string> {
  const { data, error } = await client.POST("/api/v1/connections/{id}/access-token", {
    params: { path: { id: connectionId } },
  });
  if (error) throw new Error(`access-token: ${error.error.code}: ${error.error.message}`);
  return data.access_token;
}

/** Tells the product what Finch answered one of your calls: a 401 reauthenticate_user, or success. */
export async function reportFinchAnswer(
  client: HostClient,
  connectionId: string,
  answer: "reauthenticate_user" | "ok",
  observedAt = new Date(),
) {
  const { data, error } = await client.POST("/api/v1/connections/{id}/signals", {
    params: { path: { id: connectionId } },
    body: { type: answer, observed_at: observedAt.toISOString() },
  });
  if (error) throw new Error(`signals: ${error.error.code}: ${error.error.message}`);
  return data; // { outcome: "changed" | "unchanged" | "stale", connection }
}
