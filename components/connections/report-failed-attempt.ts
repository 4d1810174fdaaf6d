"use client";

import { callAction } from "@/lib/actions/call-action";
import { reportConnectAttemptAction } from "@/lib/notifications/repair-actions";
import { refreshConnections } from "./use-connections";

/** Tells the guard that a Connect attempt failed, then refreshes what the banner shows. */
export async function reportFailedAttempt(
  connectionId: string,
  attempt: { outcome: "error" | "closed"; message?: string },
): Promise<void> {
  try {
    await callAction(reportConnectAttemptAction, {
      connectionId,
      outcome: attempt.outcome,
      message: attempt.message?.slice(0, 500),
    });
  } finally {
    await refreshConnections();
  }
}
