"use client";

import type { RepairAdvice } from "@/lib/connections/repair-advice";
import { buttonClasses } from "@/components/ui/button";
import { ConnectPayrollButton } from "./connect-payroll-button";
import { ReconnectButton } from "./reconnect-button";

export interface RepairActionProps {
  advice: RepairAdvice;
  connectionId: string;
  providerName: string;
  /** The emailed link page asks for its reconnect session through the link's token. */
  reconnectLinkToken?: string;
}

/** The one right action for the advice: Reconnect, the provider's admin help, Connect again, or none. */
export function RepairAction({ advice, connectionId, providerName, reconnectLinkToken }: RepairActionProps) {
  switch (advice.action) {
    case "reconnect":
      return (
        <ReconnectButton
          connectionId={connectionId}
          providerName={providerName}
          linkToken={reconnectLinkToken}
          className="shrink-0"
        />
      );
    case "connect_again":
      return <ConnectPayrollButton label={advice.actionLabel} />;
    case "grant_admin":
      return advice.helpUrl ? (
        <a
          href={advice.helpUrl}
          target="_blank"
          rel="noopener noreferrer"
          className={buttonClasses("primary", "shrink-0")}
        >
          {advice.actionLabel}
        </a>
      ) : null;
    case "wait":
      return null;
  }
}
