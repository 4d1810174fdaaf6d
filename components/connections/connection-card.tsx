import Link from "next/link";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { exactTime, timeAgo } from "@/lib/format-time";
import { checkText } from "@/lib/connections/receipt-line";
import { EntityList } from "./entity-list";
import { StatusBadge } from "./status-badge";
import { SyncButton } from "./sync-button";

/** After a reconnect that left a product failing: a small, specific warning instead of an alarm. */
function StillFailing({ connection }: { connection: ConnectionSummary }) {
  const failing = connection.receipt?.checks.filter((check) => !check.ok) ?? [];
  if (failing.length === 0) return null;
  return (
    <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="still-failing">
      Still failing since the reconnect: <strong>{failing.map(checkText).join(", ")}</strong>. The rest works;
      ask your {connection.providerName} administrator to grant Finch access to what is missing.
    </p>
  );
}

export function ConnectionCard({
  connection,
  replaced = false,
}: {
  connection: ConnectionSummary;
  /** Disconnected and connected again since: kept for its history. */
  replaced?: boolean;
}) {
  const { company } = connection;
  const { advice } = connection;
  const stale = connection.status !== "healthy";
  return (
    <article
      aria-label={`${connection.providerName} connection`}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-3">
            <h2 className="text-lg font-semibold">{connection.providerName}</h2>
            <StatusBadge status={connection.status} />
          </div>
          <p className="mt-1 text-sm text-slate-600">{company?.legalName ?? "Company data not loaded yet"}</p>
        </div>
        {connection.status === "healthy" && <SyncButton connectionId={connection.id} />}
      </div>
      {replaced ? (
        <p className="mt-3 text-sm text-slate-600">
          Replaced by a new {connection.providerName} connection. Its history stays available.
        </p>
      ) : (
        advice && (
          <p className="mt-3 text-sm text-slate-700" data-testid="repair-advice">
            {advice.happened} {advice.todo.length === 1 ? advice.todo[0] : null}
          </p>
        )
      )}
      {connection.status === "healthy" && <StillFailing connection={connection} />}
      <EntityList connection={connection} />
      <dl className="mt-4 grid grid-cols-2 gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">Employees</dt>
          <dd className="font-semibold" data-testid="employee-count">
            {company ? company.employeeCount : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Data</dt>
          <dd>
            {company ? (
              <span title={exactTime(company.fetchedAt)}>
                {stale ? "as of " : "updated "}
                {timeAgo(company.fetchedAt)}
              </span>
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Status since</dt>
          <dd title={exactTime(connection.statusSince)}>{timeAgo(connection.statusSince)}</dd>
        </div>
      </dl>
      <Link
        href={`/connections/${connection.id}`}
        className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline"
      >
        View history
      </Link>
    </article>
  );
}
