import { FailedEmailsTable } from "@/components/operator/failed-emails-table";
import { OperatorShell } from "@/components/operator/operator-shell";
import { FinchBudgetTable } from "@/components/operator/finch-budget-table";
import { Card, CardTitle } from "@/components/ui/card";
import { timeAgo } from "@/lib/format-time";
import { getSweepCoverage } from "@/lib/sweep/get-sweep-coverage";
import { getFinchBudgetUsage } from "@/lib/finch/budget/get-finch-budget-usage";
import { getMachineryStatus, listFailedEmails } from "@/lib/operator/get-machinery-status";
import { requireOperator } from "@/lib/auth/require-operator";

export const metadata = { title: "Machinery · Operator" };

// Per-request: who is asking decides whether this exists at all.
export const dynamic = "force-dynamic";

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}

export default async function MachineryPage() {
  const operator = await requireOperator();
  const [status, failed, coverage, budget] = await Promise.all([
    getMachineryStatus(),
    listFailedEmails(),
    getSweepCoverage(),
    getFinchBudgetUsage(),
  ]);
  const hours = (seconds: number) => `${(seconds / 3600).toFixed(1)} h`;
  const ago = (date: Date | null) => (date ? timeAgo(date.toISOString()) : "—");
  return (
    <OperatorShell email={operator.email}>
      <h1 className="text-2xl font-semibold text-slate-900">Machinery</h1>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card>
          <CardTitle>Sweep coverage</CardTitle>
          <dl className="mt-3 grid grid-cols-2 gap-3">
            <Figure label="Connections watched" value={coverage.connections.toLocaleString("en-US")} />
            <Figure label="Due now" value={coverage.due.toLocaleString("en-US")} />
            <Figure
              label={`Past the ${hours(coverage.targetSeconds)} target`}
              value={coverage.overdue.toLocaleString("en-US")}
            />
            <Figure label="Worst staleness" value={hours(coverage.worstStalenessSeconds)} />
            <Figure label="Worst in 24 hours" value={hours(coverage.worstStalenessLast24hSeconds)} />
            <Figure
              label="Checks per hour: needed / budget"
              value={`${coverage.requiredPerHour.toLocaleString("en-US")} / ${coverage.capacityPerHour.toLocaleString("en-US")}`}
            />
          </dl>
        </Card>
        <Card>
          <CardTitle>Finch budget</CardTitle>
          <div className="mt-3">
            <FinchBudgetTable usage={budget} />
          </div>
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
    </OperatorShell>
  );
}
