import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requireMember } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  return (
    <div className="min-h-screen">
      <AppHeader organizationName={member.organization.name} email={member.email} />
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
