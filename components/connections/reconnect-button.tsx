"use client";

import { ActionError } from "@/components/ui/action-error";
import { Button, type ButtonProps } from "@/components/ui/button";
import { usePendingAction } from "@/components/ui/use-pending-action";
import type { ConnectLaunch } from "@/lib/connect/connect-launch";
import { postJson } from "@/lib/fetch-json";
import { useFinchConnectLauncher } from "./finch-connect-provider";

/** Asks our API for a reauthentication session, then opens Finch Connect on the same provider. */
export function ReconnectButton({ connectionId, providerName, ...props }: { connectionId: string; providerName: string } & ButtonProps) {
  const { launch } = useFinchConnectLauncher();
  const { pending, error, run } = usePendingAction("Could not open Finch Connect.");
  const onClick = () => run(async () => launch(await postJson<ConnectLaunch>(`/api/connections/${encodeURIComponent(connectionId)}/reconnect`)));

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button onClick={onClick} pending={pending} {...props}>
        {pending ? "Opening Finch Connect…" : `Reconnect ${providerName}`}
      </Button>
      <ActionError message={error} />
    </span>
  );
}
