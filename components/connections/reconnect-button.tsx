"use client";

import { ActionError } from "@/components/ui/action-error";
import { Button, type ButtonProps } from "@/components/ui/button";
import { usePendingAction } from "@/components/ui/use-pending-action";
import { callAction } from "@/lib/actions/call-action";
import { reconnectAction, reconnectFromLinkAction } from "@/lib/finch/connect/connect-actions";
import { useFinchConnectLauncher } from "./finch-connect-provider";

export interface ReconnectButtonProps extends ButtonProps {
  connectionId: string;
  providerName: string;
  /** The emailed link's token: the session is then asked for through the link (its own checks). */
  linkToken?: string;
  /** The button's name when it is not "Reconnect <provider>" (e.g. "Reconnect to add it back"). */
  label?: string;
}

/** Asks the server for a reauthentication session, then opens Finch Connect on the same provider. */
export function ReconnectButton({
  connectionId,
  providerName,
  linkToken,
  label,
  ...props
}: ReconnectButtonProps) {
  const { launch } = useFinchConnectLauncher();
  const { pending, error, run } = usePendingAction("Could not open Finch Connect.");
  const ask = () =>
    linkToken
      ? callAction(reconnectFromLinkAction, { token: linkToken })
      : callAction(reconnectAction, { connectionId });
  const onClick = () => run(async () => launch((await ask()).launch, { reportFailuresOf: connectionId }));

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button onClick={onClick} pending={pending} {...props}>
        {pending ? "Opening Finch Connect…" : (label ?? `Reconnect ${providerName}`)}
      </Button>
      <ActionError message={error} />
    </span>
  );
}
