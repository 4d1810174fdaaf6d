"use client";

// The organization's connections for the banner and the list, through SWR: seeded with the server's
// answer for the page (SWR's own `fallback`, given once for both by the dashboard's frame) and refreshed every 15 s and when the
// tab regains focus, so a repair shows up by itself, and after an action (refreshConnections). Each
// refresh is a conditional request: unchanged, the server answers an empty 304 and the fetcher hands
// back the same object, so nothing re-renders.
import useSWR, { mutate } from "swr";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { fetchConnections, type ConnectionsAnswer } from "./fetch-connections";

export const CONNECTIONS_KEY = "/api/connections";

/** The server's answer for this page, shown until the first refresh comes back (SWRConfig's `fallback`). */
export function connectionsFallback(connections: ConnectionSummary[]): Record<string, ConnectionsAnswer> {
  return { [CONNECTIONS_KEY]: { connections } };
}

export function useConnections() {
  return useSWR<ConnectionsAnswer>(CONNECTIONS_KEY, fetchConnections, {
    refreshInterval: 15_000,
    revalidateOnFocus: true,
  });
}

/** Refreshes the list now, after an action changed it. */
export async function refreshConnections(): Promise<void> {
  await mutate(CONNECTIONS_KEY);
}
