"use client";

import { ActionError } from "@/components/ui/action-error";
import { Button, type ButtonProps } from "@/components/ui/button";
import { usePendingAction } from "@/components/ui/use-pending-action";
import type { ConnectLaunch } from "@/lib/finch/connect/connect-launch";
import { postJson } from "@/lib/fetch-json";
import { useFinchConnectLauncher } from "./finch-connect-provider";

export interface ReconnectButtonProps extends ButtonProps {
  connectionId: string;
  providerName: string;
  /** Where to ask for the reauthentication session; the emailed link page uses its own. */
  endpoint?: string;
  /** The button's name when it is not "Reconnect <provider>" (e.g. "Reconnect to add it back"). */
  label?: string;
}

/** Asks our API for a reauthentication session, then opens Finch Connect on the same provider. */
export function ReconnectButton({
  connectionId,
  providerName,
  endpoint,
  label,
  ...props
}: ReconnectButtonProps) {
  const { launch } = useFinchConnectLauncher();
  const { pending, error, run } = usePendingAction("Could not open Finch Connect.");
  const url = endpoint ?? `/api/connections/${encodeURIComponent(connectionId)}/reconnect`;
  const reportFailuresTo = `/api/connections/${encodeURIComponent(connectionId)}/connect-attempts`;
  const onClick = () => run(async () => launch(await postJson<ConnectLaunch>(url), { reportFailuresTo }));

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button onClick={onClick} pending={pending} {...props}>
        {pending ? "Opening Finch Connect…" : (label ?? `Reconnect ${providerName}`)}
      </Button>
      <ActionError message={error} />
    </span>
  );
}
