// The header row every data table in the console shares: one `<th scope="col">` per column, in one style.
import type { ReactNode } from "react";

const headerCell = "text-left text-xs font-semibold uppercase tracking-wide text-slate-600";

export function TableHeader({
  columns,
  dense = false,
  className,
}: {
  /** Column headings, in order; a heading may be a node, e.g. a label only screen readers hear. */
  columns: readonly ReactNode[];
  /** Tighter cells, for small tables inside a panel. */
  dense?: boolean;
  className?: string;
}) {
  const cell = `${dense ? "px-2 py-1" : "px-3 py-2"} ${headerCell}`;
  return (
    <thead className={className}>
      <tr>
        {columns.map((column, index) => (
          <th key={index} scope="col" className={cell}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
