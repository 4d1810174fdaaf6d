import type { Metadata } from "next";
import { ConnectResultNotice } from "@/components/connections/connect-result-notice";
import { ConnectionsHome } from "@/components/connections/connections-home";
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

// The customer dashboard's home, the product's hottest page. It sits outside app/(dashboard) and wraps
// itself in the dashboard's shell, so it skips a layout level (a router segment and its boundaries per
// request), and the shell and the content are client components fed with data rather than
// server-rendered markup (figures in bench/README.md).
export default async function HomePage({ searchParams }: { searchParams: Promise<{ connect?: string }> }) {
  const [dashboard, { connect }] = await Promise.all([requireDashboard("/"), searchParams]);
  return (
    <DashboardShell dashboard={dashboard}>
      <ConnectionsHome
        organizationName={dashboard.member.organization.name}
        healthSummary={<OrganizationHealthSummary health={dashboard.health} />}
        notice={<ConnectResultNotice result={connect} receipt={newestReceipt(dashboard.connections)} />}
      />
    </DashboardShell>
  );
}
