import Link from "next/link";
import { FinchConnectProvider } from "@/components/connections/finch-connect-provider";
import { ReconnectButton } from "@/components/connections/reconnect-button";
import { CenteredPage } from "@/components/ui/centered-page";
import { formatList } from "@/lib/format-list";
import { exactTime } from "@/lib/format-time";

export interface ReconnectLinkPanelProps {
  token: string;
  connectUrl: string;
  email: string;
  connectionId: string;
  providerName: string;
  since: Date;
  reason: string;
  services: string[];
}

/** The emailed link's page: why, what is paused, and the one button that opens Finch Connect. */
export function ReconnectLinkPanel({
  token,
  connectUrl,
  email,
  connectionId,
  providerName,
  since,
  reason,
  services,
}: ReconnectLinkPanelProps) {
  return (
    <CenteredPage>
      <FinchConnectProvider connectUrl={connectUrl}>
        <h1 className="text-2xl font-semibold">Your {providerName} connection needs you</h1>
        <div className="mt-3 space-y-3 text-slate-700">
          <p>
            Since <time dateTime={since.toISOString()}>{exactTime(since.toISOString())}</time> we cannot read
            payroll data from {providerName}. {reason}
          </p>
          <p>
            <strong>Paused until you reconnect:</strong> {formatList(services)}.
          </p>
          <p>
            Reconnecting takes about a minute: you sign in to {providerName} once more, and everything paused
            resumes. Your data stays as it is.
          </p>
        </div>
        <div className="mt-6">
          <ReconnectButton
            connectionId={connectionId}
            providerName={providerName}
            endpoint={`/api/reconnect-links/${encodeURIComponent(token)}`}
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
