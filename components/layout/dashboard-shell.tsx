// The customer dashboard's frame around a page, from the request's dashboard read: the dashboard layout
// wraps its pages in it, and the home page wraps itself (app/page.tsx), so the hottest page skips a
// layout level and reads its data with one await.
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";
import type { Dashboard } from "@/lib/dashboard/read-dashboard";
import { supportAddress } from "@/lib/email/support-address";
import { env } from "@/lib/env";
import { DashboardFrame } from "./dashboard-frame";

export function DashboardShell({ dashboard, children }: { dashboard: Dashboard; children: ReactNode }) {
  const { member, connections } = dashboard;
  return (
    <DashboardFrame
      logo={<Logo />}
      organizationName={member.organization.name}
      email={member.email}
      connectUrl={env().FINCH_CONNECT_URL}
      supportEmail={supportAddress()}
      connections={connections}
    >
      {children}
    </DashboardFrame>
  );
}
