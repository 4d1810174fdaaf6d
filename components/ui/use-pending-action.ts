"use client";

import { useCallback, useState } from "react";

/** Runs an async click handler with a pending flag and a user-safe error message. */
export function usePendingAction(fallbackError: string) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setPending(true);
      setError(null);
      try {
        await action();
      } catch (cause) {
        setError(cause instanceof Error ? cause.message : fallbackError);
      } finally {
        setPending(false);
      }
    },
    [fallbackError],
  );
  return { pending, error, run };
}
