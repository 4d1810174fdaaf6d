"use client";

import { fetchJson } from "@/lib/fetch-json";
import { refreshConnections } from "./use-connections";

/** Tells the guard that a Connect attempt failed, then refreshes what the banner shows. */
export async function reportFailedAttempt(
  url: string,
  attempt: { outcome: "error" | "closed"; message?: string },
): Promise<void> {
  try {
    await fetchJson(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...attempt, message: attempt.message?.slice(0, 500) }),
    });
  } finally {
    await refreshConnections();
  }
}
