import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Connections" };

export default async function DashboardPage() {
  const member = await requireMember("/");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Payroll connections</h1>
        <p className="mt-1 text-slate-600">{member.organization.name}&apos;s connections to its payroll providers.</p>
      </div>
      <Card>
        <p className="font-medium">No payroll connections yet</p>
        <p className="mt-1 text-sm text-slate-600">Connect your payroll provider to start syncing your employee directory.</p>
      </Card>
    </div>
  );
}
