// A wide table's own sideways-scrolling region, so a phone scrolls the table and not the page. It is
// focusable and named, so a keyboard user can reach it and scroll it with the arrow keys. It is the
// containing block of what it holds, so a visually hidden (absolutely placed) heading far to the right
// stays inside it instead of widening the page.
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
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
