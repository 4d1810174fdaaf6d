"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { ConnectLaunch } from "@/lib/connect/connect-launch";
import { postJson } from "@/lib/fetch-json";
import { useFinchConnectLauncher } from "./finch-connect-provider";

interface ReconnectButtonProps extends ButtonProps {
  connectionId: string;
  providerName: string;
  /** Where the session comes from; the emailed link's page posts to its own endpoint. */
  endpoint?: string;
}

/** Asks our API for a reauthentication session, then opens Finch Connect on the same provider. */
export function ReconnectButton({ connectionId, providerName, endpoint, ...props }: ReconnectButtonProps) {
  const { launch } = useFinchConnectLauncher();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setPending(true);
    setError(null);
    try {
      launch(await postJson<ConnectLaunch>(endpoint ?? `/api/connections/${encodeURIComponent(connectionId)}/reconnect`));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not open Finch Connect.");
    } finally {
      setPending(false);
    }
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button onClick={onClick} pending={pending} {...props}>
        {pending ? "Opening Finch Connect…" : `Reconnect ${providerName}`}
      </Button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </span>
  );
}
