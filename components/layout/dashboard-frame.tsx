"use client";

// The customer dashboard's frame as one client component fed with data: the header, Finch Connect, the
// connections the banner and the pages share, and the status banner above the page. Rendered from the
// server as markup, the same frame cost React a serialized element tree to write, parse and render again
// on every request; as data it is written once (bench/README.md, issue 13).
import type { ReactNode } from "react";
import { FinchConnectProvider } from "@/components/connections/finch-connect-provider";
import { StatusBanner } from "@/components/connections/status-banner";
import { LiveConnections } from "@/components/connections/use-connections";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { AppHeader, type AppHeaderProps } from "./app-header";

export interface DashboardFrameProps extends AppHeaderProps {
  connectUrl: string;
  supportEmail: string;
  connections: ConnectionSummary[];
  children: ReactNode;
}

export function DashboardFrame({
  connectUrl,
  supportEmail,
  connections,
  children,
  ...header
}: DashboardFrameProps) {
  return (
    <div className="min-h-screen">
      <AppHeader {...header} />
      <FinchConnectProvider connectUrl={connectUrl}>
        <LiveConnections connections={connections}>
          <StatusBanner supportEmail={supportEmail} />
          <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
        </LiveConnections>
      </FinchConnectProvider>
    </div>
  );
}
