import { FunnelBarChart, RepairTrendChart } from "@/components/operator/funnel-charts";
import { OperatorShell } from "@/components/operator/operator-shell";
import { FunnelSplitTable, FunnelStepsTable } from "@/components/operator/funnel-tables";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { parseFunnelRange } from "@/lib/operator/funnel-range";
import { getRepairFunnel } from "@/lib/operator/get-repair-funnel";
import { FUNNEL_STEPS } from "@/lib/operator/funnel-steps";
import { REPAIR_TIME_ACCURACY } from "@/lib/operator/repair-histogram";
import { requireOperator } from "@/lib/auth/require-operator";
import { detectionLabel } from "@/lib/connections/detection-labels";

export const metadata = { title: "Repair funnel · Operator" };

// Per-request: who is asking decides whether this exists at all.
export const dynamic = "force-dynamic";

const field = "mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

export default async function RepairFunnelPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const range = parseFunnelRange(await searchParams);
  // The gate and the read side by side; the funnel only reaches the page once the gate has passed.
  const [operator, funnel] = await Promise.all([
    requireOperator(),
    getRepairFunnel({ from: range.from, to: range.to }),
  ]);
  const weeks = funnel.byWeek.map((row) => ({ ...row, group: row.week.toISOString().slice(0, 10) }));
  return (
    <OperatorShell email={operator.email}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold text-slate-900">Repair funnel</h1>
        <form method="get" aria-label="Date range" className="flex flex-wrap items-end gap-3">
          <label className="text-sm font-medium text-slate-700">
            From
            <input type="date" name="from" defaultValue={range.fromText} className={field} />
          </label>
          <label className="text-sm font-medium text-slate-700">
            To
            <input type="date" name="to" defaultValue={range.toText} className={field} />
          </label>
          <button type="submit" className={buttonClasses("primary")}>
            Show
          </button>
        </form>
      </div>
      <p className="text-sm text-slate-600">
        Connections that broke from {range.fromText} to {range.toText}. Notified: an email was delivered.
        Engaged: the emailed link was opened or the dashboard&apos;s Reconnect button clicked. Reconnected:
        working again. Median time to repair {funnel.overall.medianHours ?? "—"} h, 90th percentile{" "}
        {funnel.overall.p90Hours ?? "—"} h. Times to repair are approximate, within{" "}
        {Math.round(REPAIR_TIME_ACCURACY * 100)}% (they are kept as a histogram as incidents are repaired).
      </p>
      <Card>
        <CardTitle>Repair funnel</CardTitle>
        <div className="mt-4 grid grid-cols-1 gap-6 lg:grid-cols-2">
          <FunnelBarChart
            name="Repair funnel"
            steps={FUNNEL_STEPS.map((step) => ({ step: step.label, count: funnel.overall[step.key] }))}
          />
          <FunnelStepsTable name="Repair funnel numbers" counts={funnel.overall} />
        </div>
      </Card>
      <Card>
        <CardTitle>Time to repair by week</CardTitle>
        <div className="mt-4 space-y-4">
          <RepairTrendChart
            name="Time to repair by week"
            weeks={weeks.map((row) => ({
              week: row.group,
              medianHours: row.medianHours,
              p90Hours: row.p90Hours,
            }))}
          />
          <FunnelSplitTable name="Time to repair by week, numbers" groupLabel="Week of" rows={weeks} />
        </div>
      </Card>
      <Card>
        <CardTitle>By provider</CardTitle>
        <div className="mt-4">
          <FunnelSplitTable
            name="Repair funnel by provider"
            groupLabel="Provider"
            rows={funnel.byProvider.map((row) => ({ ...row, group: row.providerName }))}
          />
        </div>
      </Card>
      <Card>
        <CardTitle>By detection path</CardTitle>
        <div className="mt-4">
          <FunnelSplitTable
            name="Repair funnel by detection path"
            groupLabel="Detection path"
            rows={funnel.byDetectionPath.map((row) => ({
              ...row,
              group: detectionLabel(row.detectionPath),
            }))}
          />
        </div>
      </Card>
    </OperatorShell>
  );
}
