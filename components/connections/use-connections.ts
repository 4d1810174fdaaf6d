"use client";

// The organization's connections for the banner and the list: one store per tab, seeded with the
// server's answer for the page (ConnectionsFallback) and refreshed every 15 s while visible, when the
// tab regains focus, and after an action (refreshConnections). Each refresh is a conditional request:
// unchanged, the server answers an empty 304 and nothing re-renders. (A few lines instead of SWR, which
// was most of the dashboard's own JavaScript for this one resource.)
import { createContext, useContext, useSyncExternalStore } from "react";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { fetchConnections, type ConnectionsAnswer } from "./fetch-connections";

export const CONNECTIONS_KEY = "/api/connections";
const REFRESH_MS = 15_000;
/** A focus right after a refresh does not ask again. */
const FOCUS_THROTTLE_MS = 5_000;

/** The server's answer for this page, read until the first refresh comes back. */
export const ConnectionsFallbackContext = createContext<ConnectionSummary[] | undefined>(undefined);

const store = {
  data: undefined as ConnectionsAnswer | undefined,
  listeners: new Set<() => void>(),
  /** Each load's number: an older answer arriving after a newer one is dropped. */
  latest: 0,
  loading: false,
  lastLoadAt: 0,
};

async function load(): Promise<void> {
  const id = ++store.latest;
  store.loading = true;
  store.lastLoadAt = Date.now();
  try {
    const data = await fetchConnections(CONNECTIONS_KEY);
    if (id !== store.latest || data === store.data) return;
    store.data = data;
    for (const listener of store.listeners) listener();
  } catch {
    // A failed refresh keeps what is shown; the next one tries again.
  } finally {
    if (id === store.latest) store.loading = false;
  }
}

/** Refreshes now (after an action), whatever is in flight; does nothing where no list is shown. */
export function refreshConnections(): Promise<void> {
  return store.listeners.size > 0 ? load() : Promise.resolve();
}

function poll() {
  if (!store.loading && document.visibilityState === "visible") void load();
}

function onFocus() {
  if (Date.now() - store.lastLoadAt >= FOCUS_THROTTLE_MS) poll();
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Listens for new answers; the first listener on the page starts the refreshes, the last stops them. */
export function subscribeToConnections(listener: () => void): () => void {
  store.listeners.add(listener);
  if (store.listeners.size === 1) {
    // The first list on the page: ask once now (the server's answer may be a moment old), then poll.
    poll();
    timer = setInterval(poll, REFRESH_MS);
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onFocus);
  }
  return () => {
    store.listeners.delete(listener);
    if (store.listeners.size > 0) return;
    clearInterval(timer);
    window.removeEventListener("focus", onFocus);
    document.removeEventListener("visibilitychange", onFocus);
  };
}

/** The latest answer of a refresh, if any came back yet. */
export function connectionsSnapshot(): ConnectionsAnswer | undefined {
  return store.data;
}

/** The connections: the latest refresh, else the server's answer for the page. */
export function useConnections(): { data: ConnectionsAnswer | undefined } {
  const fallback = useContext(ConnectionsFallbackContext);
  const data = useSyncExternalStore(subscribeToConnections, connectionsSnapshot, () => undefined);
  return { data: data ?? (fallback ? { connections: fallback } : undefined) };
}
