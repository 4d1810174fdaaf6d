import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConnectionHistoryCard } from "@/components/connections/connection-timeline";
import { StatusBadge } from "@/components/connections/status-badge";
import { ConnectionHealthCard } from "@/components/health/connection-health-card";
import { requireMember } from "@/lib/auth/session";
import { getConnectionTimeline } from "@/lib/connections/get-connection-timeline";
import { isRecordId } from "@/lib/http/record-id";
import { connectionHealth } from "@/lib/health/connection-health";
import { healthPeriods } from "@/lib/health/health-periods";

export const metadata: Metadata = { title: "Connection history" };

export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isRecordId(id)) notFound();
  const member = await requireMember(`/connections/${id}`);
  const connection = await getConnectionTimeline({
    connectionId: id,
    organizationId: member.organization.id,
  });
  if (!connection) notFound();
  const now = new Date();
  const health = await connectionHealth({ connectionId: id, organizationId: member.organization.id, now });
  const periods = health ? await healthPeriods({ connectionId: id, since: health.since90, now }) : [];
  return (
    <div className="space-y-6">
      <Link href="/" className="text-sm font-medium text-brand-600 hover:underline">
        ← All connections
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{connection.providerName}</h1>
        <StatusBadge status={connection.status} />
      </div>
      <p className="text-slate-600">{connection.company?.legalName ?? "Company data not loaded yet"}</p>
      {health && <ConnectionHealthCard health={health} periods={periods} now={now} />}
      <ConnectionHistoryCard events={connection.events} />
    </div>
  );
}
