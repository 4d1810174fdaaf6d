"use client";

// Client components on purpose: the funnel page hands them its numbers as data rather than every row
// and cell as an element tree in the RSC payload, which is cheaper to serve (bench/README.md).
import type { FunnelCounts } from "@/lib/operator/get-repair-funnel";
import { FUNNEL_STEPS } from "@/lib/operator/funnel-steps";
import { TableHeader } from "@/components/ui/table-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { tableBodyClasses } from "@/components/ui/table-styles";
import { REPAIR_TIME_ACCURACY } from "@/lib/operator/repair-histogram";

const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`);
const hours = (value: number | null) => (value === null ? "—" : `${value} h`);
/** Times come from the funnel rollup's histogram: approximate, within this much. */
const within = `±${Math.round(REPAIR_TIME_ACCURACY * 100)}%`;

/** The funnel's numbers: each step's count and its conversion from the step before. */
export function FunnelStepsTable({ name, counts }: { name: string; counts: FunnelCounts }) {
  return (
    <ScrollRegion label={`${name}, scrolls sideways`}>
      <table aria-label={name} className="min-w-full divide-y divide-slate-200">
        <TableHeader columns={["Step", "Incidents", "From previous step", "Of all broken"]} />
        <tbody className={tableBodyClasses()}>
          {FUNNEL_STEPS.map((step, index) => (
            <tr key={step.key}>
              <th scope="row">{step.label}</th>
              <td>{counts[step.key]}</td>
              <td>{index === 0 ? "—" : percent(counts[step.key], counts[FUNNEL_STEPS[index - 1].key])}</td>
              <td>{percent(counts[step.key], counts.broke)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** One row per group (provider, detection path or week): every step and the times to repair. */
export function FunnelSplitTable({
  name,
  groupLabel,
  rows,
}: {
  name: string;
  groupLabel: string;
  rows: (FunnelCounts & { group: string })[];
}) {
  return (
    <ScrollRegion label={`${name}, scrolls sideways`}>
      <table aria-label={name} className="min-w-full divide-y divide-slate-200">
        <TableHeader
          columns={[
            groupLabel,
            ...FUNNEL_STEPS.map((step) => step.label),
            "Repaired",
            `Median time to repair (${within})`,
            `90th percentile (${within})`,
          ]}
        />
        <tbody className={tableBodyClasses()}>
          {rows.length === 0 && (
            <tr>
              <td colSpan={9} className="text-slate-500">
                No incidents in this range.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.group}>
              <th scope="row">{row.group}</th>
              {FUNNEL_STEPS.map((step) => (
                <td key={step.key}>{row[step.key]}</td>
              ))}
              <td>{percent(row.reconnected, row.broke)}</td>
              <td>{hours(row.medianHours)}</td>
              <td>{hours(row.p90Hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
