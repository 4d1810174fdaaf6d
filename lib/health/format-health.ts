// How health figures read on a page: "99.72%", "6 h 30 min", "—" when there is nothing to measure.

export function formatUptime(ratio: number | null): string {
  if (ratio === null) return "—";
  const percent = Math.max(0, Math.min(1, ratio)) * 100;
  // Never round a single lost minute up to a perfect 100%.
  const shown = percent < 100 ? Math.floor(percent * 100) / 100 : 100;
  return `${shown.toFixed(shown === 100 ? 0 : 2)}%`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return "under a minute";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days && `${days} d`, hours && `${hours} h`, !days && rest && `${rest} min`];
  return parts.filter(Boolean).join(" ");
}
