import type { Metadata } from "next";
import { CheckNowButton } from "@/components/connections/check-now-button";
import { ConnectPayrollButton } from "@/components/connections/connect-payroll-button";
import { ConnectResultNotice } from "@/components/connections/connect-result-notice";
import { ConnectionList } from "@/components/connections/connection-list";
import { OrganizationHealthSummary } from "@/components/health/organization-health-summary";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { requireDashboard } from "@/lib/dashboard/require-dashboard";

export const metadata: Metadata = { title: "Connections" };

// Per-user: never prerendered, so a build needs no runtime secrets.
export const dynamic = "force-dynamic";

/** The receipt of the reconnect that just happened: the newest one across the connections. */
function newestReceipt(connections: ConnectionSummary[]) {
  const receipts = connections.flatMap((c) => (c.receipt ? [c.receipt] : []));
  return receipts.sort((a, b) => b.takenAt.localeCompare(a.takenAt))[0]?.checks ?? null;
}

// The customer dashboard's home. It sits outside app/(dashboard) and wraps itself in the dashboard's
// shell: the hottest page of the product skips a layout level, which cost about 0.25 ms of server CPU
// per request (8% of the page's; bench/README.md).
export default function HomePage(props: { searchParams: Promise<{ connect?: string }> }) {
  return (
    <DashboardShell returnTo="/">
      <Connections {...props} />
    </DashboardShell>
  );
}

async function Connections({ searchParams }: { searchParams: Promise<{ connect?: string }> }) {
  const [{ member, connections, health }, { connect }] = await Promise.all([
    requireDashboard("/"),
    searchParams,
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Payroll connections</h1>
          <p className="mt-1 text-slate-600">
            {member.organization.name}&apos;s connections to its payroll providers.
          </p>
        </div>
        {connections.length > 0 && (
          <div className="flex flex-wrap items-start gap-3">
            <CheckNowButton />
            <ConnectPayrollButton variant="secondary" />
          </div>
        )}
      </div>
      <ConnectResultNotice result={connect} receipt={newestReceipt(connections)} />
      <OrganizationHealthSummary health={health} />
      <ConnectionList />
    </div>
  );
}
