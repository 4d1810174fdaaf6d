import { FailedEmailsTable } from "@/components/operator/failed-emails-table";
import { Card, CardTitle } from "@/components/ui/card";
import { timeAgo } from "@/lib/format-time";
import { getMachineryStatus, listFailedEmails } from "@/lib/operator/get-machinery-status";
import { requireOperator } from "@/lib/operator/require-operator";

export const metadata = { title: "Machinery · Operator" };

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}

export default async function MachineryPage() {
  await requireOperator();
  const [status, failed] = await Promise.all([getMachineryStatus(), listFailedEmails()]);
  const coverage =
    status.connections === 0 ? 100 : Math.round((status.checkedLastHour / status.connections) * 100);
  const ago = (date: Date | null) => (date ? timeAgo(date.toISOString()) : "—");
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">Machinery</h1>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card>
          <CardTitle>Sweep coverage</CardTitle>
          <dl className="mt-3 grid grid-cols-2 gap-3">
            <Figure label="Checked in the last hour" value={`${coverage}%`} />
            <Figure label="Never checked" value={status.neverChecked.toLocaleString("en-US")} />
            <Figure label="Worst staleness (last check)" value={ago(status.oldestCheckAt)} />
            <Figure label="Connections watched" value={status.connections.toLocaleString("en-US")} />
          </dl>
        </Card>
        <Card>
          <CardTitle>Finch budget</CardTitle>
          {/* To wire: the fleet-budget work (issue 8) adds the Finch call budget; shown here once it lands. */}
          <p className="mt-3 text-sm text-slate-600">
            Not measured yet: Finch call budget use appears here once the fleet-budget work lands.
          </p>
        </Card>
        <Card>
          <CardTitle>Email outbox</CardTitle>
          <dl className="mt-3 grid grid-cols-2 gap-3">
            <Figure label="Queued" value={status.outbox.queued.toLocaleString("en-US")} />
            <Figure label="Held (provider outage)" value={status.outbox.held.toLocaleString("en-US")} />
            <Figure label="Failed" value={status.outbox.failed.toLocaleString("en-US")} />
            <Figure label="Oldest queued" value={ago(status.outbox.oldestQueuedAt)} />
          </dl>
        </Card>
      </div>
      <Card>
        <CardTitle>Failed sends</CardTitle>
        <div className="mt-4">
          <FailedEmailsTable emails={failed} />
        </div>
      </Card>
    </>
  );
}
