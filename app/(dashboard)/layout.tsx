import type { ReactNode } from "react";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { requireDashboard } from "@/lib/dashboard/require-dashboard";

// Per-user pages: never prerendered, so a build needs no runtime secrets.
export const dynamic = "force-dynamic";

/** Every dashboard page but the home page, which wraps itself in the same shell (app/page.tsx). */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  return <DashboardShell dashboard={await requireDashboard()}>{children}</DashboardShell>;
}
