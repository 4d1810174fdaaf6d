import Link from "next/link";
import { OperatorShell } from "@/components/operator/operator-shell";
import { notFound } from "next/navigation";
import { ConnectionHistoryCard } from "@/components/connections/connection-timeline";
import { StatusBadge } from "@/components/connections/status-badge";
import { OperatorActionButton } from "@/components/operator/operator-action-button";
import { isRecordId } from "@/lib/http/record-id";
import { getOperatorConnection } from "@/lib/operator/get-operator-connection";
import { requireOperator } from "@/lib/auth/require-operator";
import { checkConnectionNowAction, resendReconnectEmailAction } from "@/lib/operator/operator-actions";

export const metadata = { title: "Connection · Operator" };

// Per-request: who is asking decides whether this exists at all.
export const dynamic = "force-dynamic";

export default async function OperatorConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requireOperator();
  const { id } = await params;
  if (!isRecordId(id)) notFound();
  const connection = await getOperatorConnection(id);
  if (!connection) notFound();
  return (
    <OperatorShell email={operator.email}>
      <div className="space-y-6">
        <Link
          href="/operator"
          prefetch={false}
          className="text-sm font-medium text-brand-600 hover:underline"
        >
          ← Fleet health
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">
            {connection.organization.name} · {connection.providerName}
          </h1>
          <StatusBadge status={connection.status} />
        </div>
        <p className="text-sm text-slate-600">
          {connection.company?.legalName ?? "Company data not loaded yet"} · Finch connection{" "}
          <code>{connection.finchConnectionId}</code>
        </p>
        <div className="flex flex-wrap gap-3">
          {connection.status === "needs_reauth" && (
            <OperatorActionButton
              action={resendReconnectEmailAction}
              fields={{ id: connection.id }}
              label="Resend reconnect email"
              variant="primary"
            />
          )}
          <OperatorActionButton
            action={checkConnectionNowAction}
            fields={{ id: connection.id }}
            label="Check now"
          />
        </div>
        <ConnectionHistoryCard events={connection.events} />
      </div>
    </OperatorShell>
  );
}
