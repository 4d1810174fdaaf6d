// The customer dashboard's frame: the header, Finch Connect, the connections the banner and the list
// share, and the status banner above the page. The dashboard layout wraps its pages in it, and the
// home page wraps itself (app/page.tsx), so the hottest page skips a layout level.
import type { ReactNode } from "react";
import { ConnectionsFallback } from "@/components/connections/connections-fallback";
import { FinchConnectProvider } from "@/components/connections/finch-connect-provider";
import { StatusBanner } from "@/components/connections/status-banner";
import { AppHeader } from "@/components/layout/app-header";
import { requireDashboard } from "@/lib/dashboard/require-dashboard";
import { supportAddress } from "@/lib/email/support-address";
import { env } from "@/lib/env";

export async function DashboardShell({ children, returnTo }: { children: ReactNode; returnTo?: string }) {
  const { member, connections } = await requireDashboard(returnTo);
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
