"use client";

import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { exactTime, timeAgo } from "@/lib/format-time";
import { ReconnectButton } from "./reconnect-button";
import { useConnections } from "./use-connections";

function listOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "data sync";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function ProviderOutage({ connection }: { connection: ConnectionSummary }) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="text-sm">
        <p className="font-semibold">{connection.providerName} is having trouble right now</p>
        <p className="mt-1">
          Many {connection.providerName} connections stopped working at the same time, so the problem is most
          likely on {connection.providerName}&apos;s side. No action is needed yet: we will email you if your
          connection still needs reconnecting once it is resolved. You can still reconnect now if you prefer.
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

function BrokenConnection({ connection }: { connection: ConnectionSummary }) {
  if (connection.providerOutage) return <ProviderOutage connection={connection} />;
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
          Until you reconnect, <strong>{listOf(connection.affectedServices)}</strong>{" "}
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
