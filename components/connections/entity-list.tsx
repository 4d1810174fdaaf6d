"use client";

import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { usePendingAction } from "@/components/ui/use-pending-action";
import { callAction } from "@/lib/actions/call-action";
import type { ConnectionSummary, EntitySummary } from "@/lib/connections/connection-summary";
import { toConnectionStatus } from "@/lib/connections/connection-status";
import { UNNAMED_ENTITY } from "@/lib/connections/derive-connection-status";
import { stopTrackingAction } from "@/lib/finch/stop-tracking-action";
import { exactTime, timeAgo } from "@/lib/format-time";
import { ReconnectButton } from "./reconnect-button";
import { StatusBadge } from "./status-badge";
import { refreshConnections } from "./use-connections";

/** Finch's POST /disconnect-entity for one company; the others keep working on the same token. */
function StopTrackingButton({ connectionId, entity }: { connectionId: string; entity: EntitySummary }) {
  const { pending, error, run } = usePendingAction("Could not stop tracking this company.");
  const onClick = () =>
    run(async () => {
      try {
        await callAction(stopTrackingAction, { connectionId, entityId: entity.id });
      } finally {
        await refreshConnections();
      }
    });
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button variant="secondary" onClick={onClick} pending={pending}>
        {pending ? "Stopping…" : "Stop tracking"}
      </Button>
      <ActionError message={error} />
    </span>
  );
}

/** A multi-entity connection's companies, each with its own badge; nothing for a single-entity one. */
export function EntityList({ connection }: { connection: ConnectionSummary }) {
  const { entities } = connection;
  if (entities.length === 0) return null;
  const live = entities.filter((e) => e.finchStatus !== "disconnected").length;
  return (
    <ul aria-label="Companies" className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200">
      {entities.map((entity) => {
        const name = entity.name ?? UNNAMED_ENTITY;
        const disconnected = entity.finchStatus === "disconnected";
        return (
          <li
            key={entity.id}
            aria-label={name}
            className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm"
          >
            <span className="flex items-center gap-2">
              <span className="font-medium">{name}</span>
              <StatusBadge status={toConnectionStatus(entity.finchStatus)} />
              <span className="text-slate-500" title={exactTime(entity.statusSince)}>
                since {timeAgo(entity.statusSince)}
              </span>
            </span>
            {disconnected ? (
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-slate-600">No longer connected to Finch.</span>
                <ReconnectButton
                  connectionId={connection.id}
                  providerName={connection.providerName}
                  label="Reconnect to add it back"
                  variant="secondary"
                />
              </span>
            ) : (
              live > 1 && <StopTrackingButton connectionId={connection.id} entity={entity} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
