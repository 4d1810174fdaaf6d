"use client";

// A client component fed with data, like the tables (bench/README.md): the page's RSC payload carries
// the filters and the provider list, not the form's element tree.
import { buttonClasses } from "@/components/ui/button";
import { AGE_BUCKET_LABELS, AGE_BUCKETS, BROKEN_STATUSES } from "@/lib/operator/fleet-filter-words";
import type { FleetFilters } from "@/lib/operator/fleet-filters";

const STATUS_LABELS: Record<(typeof BROKEN_STATUSES)[number], string> = {
  needs_reauth: "Needs reconnecting",
  error: "Error",
  disconnected: "Disconnected",
  pending: "Pending",
};

const field = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

/** A plain GET form: the filters live in the URL, so a filtered view can be shared and exported. */
export function FleetFiltersForm({
  filters,
  providers,
}: {
  filters: FleetFilters;
  providers: { providerId: string; providerName: string }[];
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter broken connections"
      className="grid gap-3 md:grid-cols-5"
    >
      <label className="text-sm font-medium text-slate-700">
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={field}>
          <option value="">Any broken status</option>
          {BROKEN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Provider
        <select name="provider" defaultValue={filters.provider ?? ""} className={field}>
          <option value="">Any provider</option>
          {providers.map((provider) => (
            <option key={provider.providerId} value={provider.providerId}>
              {provider.providerName}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Broken for
        <select name="age" defaultValue={filters.age ?? ""} className={field}>
          <option value="">Any age</option>
          {AGE_BUCKETS.map((bucket) => (
            <option key={bucket} value={bucket}>
              {AGE_BUCKET_LABELS[bucket]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Organization or member email
        <input type="search" name="q" defaultValue={filters.q ?? ""} className={field} />
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          Apply filters
        </button>
        <a href="/operator" className={buttonClasses("ghost")}>
          Clear
        </a>
      </div>
    </form>
  );
}
