"use client";

import { useState } from "react";
import { useSWRConfig } from "swr";
import { Button } from "@/components/ui/button";
import { postJson } from "@/lib/fetch-json";
import { CONNECTIONS_KEY } from "./use-connections";

/** Fetches fresh data from Finch; a broken connection surfaces in the banner through the refresh. */
export function SyncButton({ connectionId }: { connectionId: string }) {
  const { mutate } = useSWRConfig();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setPending(true);
    setError(null);
    try {
      await postJson(`/api/connections/${encodeURIComponent(connectionId)}/sync`);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Sync failed.");
    } finally {
      await mutate(CONNECTIONS_KEY);
      setPending(false);
    }
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant="secondary" onClick={onClick} pending={pending}>
        {pending ? "Syncing…" : "Sync now"}
      </Button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </span>
  );
}
