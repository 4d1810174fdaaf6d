// The Fleet health filters, as they travel in the page's query string and the CSV link.
import { z } from "zod";
import { isPlainText } from "@/lib/http/plain-text";
import { AGE_BUCKETS, BROKEN_STATUSES, type AgeBucket } from "./fleet-filter-words";

/** Bucket bounds in days: [from, to). */
export const AGE_BUCKET_DAYS: Record<AgeBucket, [number, number | null]> = {
  under_1d: [0, 1],
  "1_3d": [1, 3],
  "3_7d": [3, 7],
  over_7d: [7, null],
};

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const fleetFiltersSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(BROKEN_STATUSES).optional()),
  // Control characters and invalid Unicode never reach the query (PostgreSQL refuses NUL in text).
  provider: z.preprocess(blankToUndefined, z.string().trim().max(100).refine(isPlainText).optional()),
  age: z.preprocess(blankToUndefined, z.enum(AGE_BUCKETS).optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).refine(isPlainText).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type FleetFilters = z.infer<typeof fleetFiltersSchema>;

type QueryParams = Record<string, string | string[] | undefined>;

const firstValues = (params: QueryParams) =>
  Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );

/** The filters exactly as given, or null when one is malformed (the CSV export answers 400). */
export function parseFleetFiltersStrictly(params: QueryParams): FleetFilters | null {
  const parsed = fleetFiltersSchema.safeParse(firstValues(params));
  return parsed.success ? parsed.data : null;
}

/** Unknown or malformed values are dropped rather than failing the page. */
export function parseFleetFilters(params: QueryParams): FleetFilters {
  const single = firstValues(params);
  const parsed = fleetFiltersSchema.safeParse(single);
  if (parsed.success) return parsed.data;
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(fleetFiltersSchema.shape) as (keyof FleetFilters)[]) {
    const one = fleetFiltersSchema.shape[key].safeParse(single[key]);
    if (one.success) kept[key] = one.data;
  }
  return fleetFiltersSchema.parse(kept);
}

/** The query string for these filters (page included only past the first). */
export function fleetFiltersQuery(filters: Partial<FleetFilters>): string {
  const params = new URLSearchParams();
  for (const key of ["status", "provider", "age", "q"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
