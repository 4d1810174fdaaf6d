// The header row every data table in the console shares: one `<th scope="col">` per column, in one style
// set on the header (components/ui/table-styles.ts).
import type { ReactNode } from "react";
import { tableHeadClasses } from "./table-styles";

export function TableHeader({
  columns,
  dense = false,
  className = "",
}: {
  /** Column headings, in order; a heading may be a node, e.g. a label only screen readers hear. */
  columns: readonly ReactNode[];
  /** Tighter cells, for small tables inside a panel. */
  dense?: boolean;
  className?: string;
}) {
  return (
    <thead className={`${tableHeadClasses(dense)} ${className}`}>
      <tr>
        {columns.map((column, index) => (
          <th key={index} scope="col">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
