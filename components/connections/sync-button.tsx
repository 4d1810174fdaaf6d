"use client";

import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { usePendingAction } from "@/components/ui/use-pending-action";
import { callAction } from "@/lib/actions/call-action";
import { syncConnectionAction } from "@/lib/sweep/check-now-actions";
import { refreshConnections } from "./use-connections";

/** Fetches fresh data from Finch; a broken connection surfaces in the banner through the refresh. */
export function SyncButton({ connectionId }: { connectionId: string }) {
  const { pending, error, run } = usePendingAction("Sync failed.");
  const onClick = () =>
    run(async () => {
      try {
        await callAction(syncConnectionAction, { connectionId });
      } finally {
        await refreshConnections();
      }
    });

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant="secondary" onClick={onClick} pending={pending}>
        {pending ? "Syncing…" : "Sync now"}
      </Button>
      <ActionError message={error} />
    </span>
  );
}
