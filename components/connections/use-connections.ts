"use client";

import useSWR from "swr";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { fetchJson } from "@/lib/fetch-json";

export const CONNECTIONS_KEY = "/api/connections";

/** The organization's connections; refreshes on focus and every 15 s, so a repair shows up by itself. */
export function useConnections(fallback?: ConnectionSummary[]) {
  return useSWR<{ connections: ConnectionSummary[] }>(CONNECTIONS_KEY, fetchJson, {
    fallbackData: fallback ? { connections: fallback } : undefined,
    refreshInterval: 15_000,
    revalidateOnFocus: true,
  });
}
