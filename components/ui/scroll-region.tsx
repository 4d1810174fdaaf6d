// A wide table's own sideways-scrolling region, so a phone scrolls the table and not the page. It is
// focusable and named, so a keyboard user can reach it and scroll it with the arrow keys.
import type { ReactNode } from "react";

export function ScrollRegion({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
