// The Fleet health filters' words: the broken statuses and age buckets, with their labels. Plain data,
// no zod, so the console's client components (the counts, the filter form) can read it.
import type { ConnectionStatus } from "@/lib/generated/prisma/enums";

/** Our statuses but healthy: each one must be a status of the schema's enum. */
export const BROKEN_STATUSES = [
  "needs_reauth",
  "error",
  "disconnected",
  "pending",
] as const satisfies readonly Exclude<ConnectionStatus, "healthy">[];
export const AGE_BUCKETS = ["under_1d", "1_3d", "3_7d", "over_7d"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const AGE_BUCKET_LABELS: Record<AgeBucket, string> = {
  under_1d: "Under a day",
  "1_3d": "1 to 3 days",
  "3_7d": "3 to 7 days",
  over_7d: "Over 7 days",
};
