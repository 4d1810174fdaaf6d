// The dashboard's poll of /api/connections: it sends back the ETag of the last answer, and a 304
// (nothing changed) reuses that answer, so an idle tab costs one small conditional request.
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { readJson } from "@/lib/fetch-json";

export const CONNECTIONS_KEY = "/api/connections";

export interface ConnectionsAnswer {
  connections: ConnectionSummary[];
}

const lastAnswers = new Map<string, { etag: string; data: ConnectionsAnswer }>();

export async function fetchConnections(url: string): Promise<ConnectionsAnswer> {
  const last = lastAnswers.get(url);
  const response = await fetch(url, {
    // The browser's own cache stays out of it: the 304 comes back here, not hidden as a 200.
    cache: "no-store",
    headers: { Accept: "application/json", ...(last ? { "If-None-Match": last.etag } : {}) },
  });
  // The same object as before, so SWR sees no change and nothing re-renders.
  if (response.status === 304 && last) return last.data;
  const data = await readJson<ConnectionsAnswer>(response);
  const etag = response.headers.get("etag");
  if (etag) lastAnswers.set(url, { etag, data });
  else lastAnswers.delete(url);
  return data;
}
