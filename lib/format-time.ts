// Human times for the dashboard: "3 hours ago", and an exact timestamp for titles. The formatters are
// built once per process: constructing an Intl formatter costs far more than using one, and every
// dashboard render formats several times.
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const exact = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function timeAgo(iso: string, now = Date.now()): string {
  const elapsed = now - new Date(iso).getTime();
  if (elapsed < 60_000) return "just now";
  for (const [unit, size] of units)
    if (elapsed >= size) return relative.format(-Math.floor(elapsed / size), unit);
  return "just now";
}

export function exactTime(iso: string): string {
  return `${exact.format(new Date(iso))} UTC`;
}
