/** "A, B and C" for prose; `empty` when there is nothing to list. */
export function formatList(items: string[], empty = "payroll data sync"): string {
  if (items.length <= 1) return items[0] ?? empty;
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
