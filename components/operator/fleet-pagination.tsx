import Link from "next/link";
import { fleetFiltersQuery, type FleetFilters } from "@/lib/operator/fleet-filters";

const link =
  "rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50";

export function FleetPagination({
  filters,
  total,
  pageSize,
}: {
  filters: FleetFilters;
  total: number;
  pageSize: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pages);
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav
      aria-label="Pages"
      className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
    >
      <p>
        {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of {total.toLocaleString("en-US")}{" "}
        broken connections · page {page} of {pages}
      </p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link
            className={link}
            prefetch={false}
            href={`/operator${fleetFiltersQuery({ ...filters, page: page - 1 })}`}
          >
            Previous page
          </Link>
        )}
        {page < pages && (
          <Link
            className={link}
            prefetch={false}
            href={`/operator${fleetFiltersQuery({ ...filters, page: page + 1 })}`}
          >
            Next page
          </Link>
        )}
      </div>
    </nav>
  );
}
