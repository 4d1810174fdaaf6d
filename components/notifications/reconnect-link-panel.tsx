import Link from "next/link";
import { FinchConnectProvider } from "@/components/connections/finch-connect-provider";
import { RepairAction } from "@/components/connections/repair-action";
import { RepairAdviceText } from "@/components/connections/repair-advice-text";
import { RepairHelp } from "@/components/connections/repair-help";
import { CenteredPage } from "@/components/ui/centered-page";
import { repairAdvice } from "@/lib/connections/repair-advice";
import { formatList } from "@/lib/format-list";
import { exactTime } from "@/lib/format-time";

export interface ReconnectLinkPanelProps {
  token: string;
  connectUrl: string;
  email: string;
  connectionId: string;
  providerId: string;
  providerName: string;
  finchStatus: string;
  authenticationType: string | null;
  since: Date;
  reason: string;
  services: string[];
  failedAttempts: number;
  supportEmail: string;
  /** Multi-entity: the headline naming the scope and the companies ("1 of 3 companies …"). */
  scopedTitle?: string | null;
  /** Multi-entity: the last reconnect failed for want of access to these companies. */
  accessBlockedBy?: string[] | null;
}

/** The emailed link's page: what happened, what to do, and the one action (usually Finch Connect). */
export function ReconnectLinkPanel(props: ReconnectLinkPanelProps) {
  const { token, connectUrl, email, connectionId, providerName, since, reason, services } = props;
  const advice = repairAdvice(props);
  return (
    <CenteredPage>
      <FinchConnectProvider connectUrl={connectUrl}>
        <h1 className="text-2xl font-semibold">
          {props.scopedTitle ?? advice?.title ?? `Your ${providerName} connection needs you`}
        </h1>
        <div className="mt-3 space-y-3 text-slate-700">
          <p>
            Since <time dateTime={since.toISOString()}>{exactTime(since.toISOString())}</time> we cannot read
            payroll data from {providerName}.{advice ? "" : ` ${reason}`}
          </p>
          {advice && <RepairAdviceText advice={advice} />}
          <p>
            <strong>Paused until you reconnect:</strong> {formatList(services)}.
          </p>
        </div>
        <div className="mt-6">
          {advice && (
            <RepairAction
              advice={advice}
              connectionId={connectionId}
              providerName={providerName}
              reconnectLinkToken={token}
            />
          )}
        </div>
        <div className="mt-6">
          <RepairHelp
            connectionId={connectionId}
            providerId={props.providerId}
            providerName={providerName}
            failedAttempts={props.failedAttempts}
            supportEmail={props.supportEmail}
            accessBlockedBy={props.accessBlockedBy}
          />
        </div>
        <p className="mt-6 text-sm text-slate-500">
          Signed in as {email}.{" "}
          <Link href="/" className="font-medium text-brand-600 hover:underline">
            Open the dashboard
          </Link>
        </p>
      </FinchConnectProvider>
    </CenteredPage>
  );
}
