"use client";

import useSWR from "swr";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { fetchConnections, type ConnectionsAnswer } from "./fetch-connections";

export const CONNECTIONS_KEY = "/api/connections";

/**
 * The organization's connections; refreshes on focus and every 15 s, so a repair shows up by itself.
 * Each refresh is a conditional request: unchanged, the server answers an empty 304.
 */
export function useConnections(fallback?: ConnectionSummary[]) {
  return useSWR<ConnectionsAnswer>(CONNECTIONS_KEY, fetchConnections, {
    fallbackData: fallback ? { connections: fallback } : undefined,
    refreshInterval: 15_000,
    revalidateOnFocus: true,
  });
}
