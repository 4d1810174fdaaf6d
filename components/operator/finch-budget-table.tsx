import type { FinchBudgetClassUsage } from "@/lib/finch/budget/get-finch-budget-usage";
import { TableHeader } from "@/components/ui/table-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { tableBodyClasses } from "@/components/ui/table-styles";

/** The Finch call budget per class (lib/finch/budget): what each lane can hand out now, and Finch's 429s. */
export function FinchBudgetTable({ usage }: { usage: FinchBudgetClassUsage[] }) {
  return (
    <ScrollRegion label="Finch budget, scrolls sideways">
      <table aria-label="Finch budget" className="min-w-full divide-y divide-slate-200">
        <TableHeader
          dense
          columns={[
            "Class",
            "Budget / Finch limit",
            "Interactive free",
            "Background free",
            "Granted",
            "Finch 429s",
          ]}
        />
        <tbody className={tableBodyClasses(true)}>
          {usage.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.key}
                {row.pausedUntil && row.pausedUntil > new Date() && (
                  <span className="ml-1 text-xs text-red-700">paused by Finch</span>
                )}
              </th>
              <td>
                {row.budget} / {row.finchLimit} per {row.windowSeconds} s
              </td>
              <td>
                {Math.floor(row.lanes.interactive.available)} / {row.lanes.interactive.maxAvailable}
              </td>
              <td>
                {Math.floor(row.lanes.shared.available)} / {row.lanes.shared.maxAvailable}
              </td>
              <td>{row.lanes.interactive.granted + row.lanes.shared.granted}</td>
              <td>{row.finch429s}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
