import type { ReactNode } from "react";
import { ConnectionsFallback } from "@/components/connections/connections-fallback";
import { FinchConnectProvider } from "@/components/connections/finch-connect-provider";
import { StatusBanner } from "@/components/connections/status-banner";
import { AppHeader } from "@/components/layout/app-header";
import { requireDashboard } from "@/lib/dashboard/require-dashboard";
import { supportAddress } from "@/lib/email/support-address";
import { env } from "@/lib/env";

// Per-user pages: never prerendered, so a build needs no runtime secrets.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { member, connections } = await requireDashboard();
  return (
    <div className="min-h-screen">
      <AppHeader organizationName={member.organization.name} email={member.email} />
      <FinchConnectProvider connectUrl={env().FINCH_CONNECT_URL}>
        <ConnectionsFallback connections={connections}>
          <StatusBanner supportEmail={supportAddress()} />
          <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
        </ConnectionsFallback>
      </FinchConnectProvider>
    </div>
  );
}
