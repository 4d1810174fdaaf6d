"use client";

import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { usePendingAction } from "@/components/ui/use-pending-action";
import { callAction } from "@/lib/actions/call-action";
import { checkStatusNowAction } from "@/lib/sweep/check-now-actions";
import { refreshConnections } from "./use-connections";

/** Asks Finch about every connection of the organization now, instead of waiting for the scheduled check. */
export function CheckNowButton() {
  const { pending, error, run } = usePendingAction("The check failed.");
  const onClick = () =>
    run(async () => {
      await callAction(checkStatusNowAction);
      await refreshConnections();
    });
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant="secondary" onClick={onClick} pending={pending}>
        {pending ? "Checking…" : "Check status now"}
      </Button>
      <ActionError message={error} />
    </span>
  );
}
