// The funnel's date range from the query string: ISO dates, "to" inclusive; the last 28 days by default.
import { z } from "zod";

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export interface FunnelRange {
  from: Date;
  /** Exclusive: the day after the chosen "to". */
  to: Date;
  fromText: string;
  toText: string;
}

export function parseFunnelRange(
  params: Record<string, string | string[] | undefined>,
  now = new Date(),
): FunnelRange {
  const read = (key: string) => {
    const value = params[key];
    const parsed = isoDate.safeParse(Array.isArray(value) ? value[0] : value);
    if (!parsed.success) return null;
    const date = new Date(`${parsed.data}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? null : date;
  };
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  let toDay = read("to") ?? today;
  let fromDay = read("from") ?? new Date(toDay.getTime() - 27 * DAY_MS);
  if (fromDay > toDay) [fromDay, toDay] = [toDay, fromDay];
  // At most two years: the query stays bounded however the URL is edited.
  if (toDay.getTime() - fromDay.getTime() > 731 * DAY_MS) fromDay = new Date(toDay.getTime() - 731 * DAY_MS);
  return {
    from: fromDay,
    to: new Date(toDay.getTime() + DAY_MS),
    fromText: fromDay.toISOString().slice(0, 10),
    toText: toDay.toISOString().slice(0, 10),
  };
}
