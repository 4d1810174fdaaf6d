import { exactTime } from "@/lib/format-time";

export interface HealthBandProps {
  since: Date;
  now: Date;
  periods: { start: Date; end: Date | null }[];
  /** The accessible summary of the chart. */
  label: string;
}

/** A band from `since` to `now`: green while healthy, red while broken. The table beside it has the numbers. */
export function HealthBand({ since, now, periods, label }: HealthBandProps) {
  const span = Math.max(1, now.getTime() - since.getTime());
  const x = (at: Date) => Math.max(0, Math.min(100, ((at.getTime() - since.getTime()) / span) * 100));
  return (
    <figure className="space-y-1">
      <svg
        role="img"
        aria-label={label}
        viewBox="0 0 100 6"
        preserveAspectRatio="none"
        className="h-6 w-full"
      >
        <rect x="0" y="0" width="100" height="6" className="fill-emerald-400" />
        {periods.map((period) => {
          const from = x(period.start);
          const to = x(period.end ?? now);
          return (
            <rect
              key={period.start.toISOString()}
              x={from}
              y="0"
              width={Math.max(0.4, to - from)}
              height="6"
              className="fill-red-500"
            >
              <title>
                {`Broken from ${exactTime(period.start.toISOString())} ${period.end ? `to ${exactTime(period.end.toISOString())}` : "until now"}`}
              </title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="flex justify-between text-xs text-slate-500">
        <span>{exactTime(since.toISOString())}</span>
        <span className="flex gap-3">
          <span className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-2 w-2 rounded-sm bg-emerald-400" /> Healthy
          </span>
          <span className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-2 w-2 rounded-sm bg-red-500" /> Broken
          </span>
        </span>
        <span>now</span>
      </figcaption>
    </figure>
  );
}
