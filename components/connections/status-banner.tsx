"use client";

import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { formatList } from "@/lib/format-list";
import { exactTime, timeAgo } from "@/lib/format-time";
import { ReconnectButton } from "./reconnect-button";
import { useConnections } from "./use-connections";

function BrokenConnection({ connection }: { connection: ConnectionSummary }) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="text-sm">
        <p className="font-semibold">
          Your {connection.providerName} connection needs you to reconnect
          <span className="font-normal">
            {" "}
            · broken since{" "}
            <time dateTime={connection.statusSince} title={exactTime(connection.statusSince)}>
              {timeAgo(connection.statusSince)}
            </time>
          </span>
        </p>
        <p className="mt-1">{connection.statusReason}</p>
        <p className="mt-1">
          Until you reconnect, <strong>{formatList(connection.affectedServices)}</strong>{" "}
          {connection.affectedServices.length > 1 ? "are" : "is"} paused. Reconnecting takes a minute and
          keeps all your existing data.
        </p>
      </div>
      <ReconnectButton
        connectionId={connection.id}
        providerName={connection.providerName}
        className="shrink-0"
      />
    </div>
  );
}

/** Shown on every dashboard page while a connection needs reauthentication; refreshes by itself. */
export function StatusBanner({ fallback }: { fallback: ConnectionSummary[] }) {
  const { data } = useConnections(fallback);
  const broken = (data?.connections ?? []).filter((connection) => connection.status === "needs_reauth");
  if (broken.length === 0) return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 text-amber-950">
      <div className="mx-auto max-w-6xl space-y-4 px-4 py-4 sm:px-6">
        {broken.map((connection) => (
          <BrokenConnection key={connection.id} connection={connection} />
        ))}
      </div>
    </div>
  );
}
