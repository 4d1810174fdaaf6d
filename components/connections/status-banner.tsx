"use client";

import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { formatList } from "@/lib/format-list";
import { needingAttention } from "@/lib/connections/needing-attention";
import type { RepairAdvice } from "@/lib/connections/repair-advice";
import { exactTime, timeAgo } from "@/lib/format-time";
import { RepairAction } from "./repair-action";
import { RepairAdviceText } from "./repair-advice-text";
import { RepairHelp } from "./repair-help";
import { useConnections } from "./use-connections";

// A provider outage (many of its connections broke at once, lib/outages): most likely not this customer's
// doing, so the wording says no action is needed yet; the repair button stays for those who want it.
function ProviderOutageText({ providerName }: { providerName: string }) {
  return (
    <p>
      Many {providerName} connections stopped working at the same time, so the problem is most likely on{" "}
      {providerName}&apos;s side. No action is needed yet: we will email you if yours still needs reconnecting
      once it is resolved. You can still reconnect now if you prefer.
    </p>
  );
}

function ConnectionProblem({
  connection,
  advice,
  supportEmail,
}: {
  connection: ConnectionSummary;
  advice: RepairAdvice;
  supportEmail: string;
}) {
  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="space-y-1 text-sm">
          <p className="font-semibold">
            {connection.providerOutage
              ? `${connection.providerName} is having trouble right now`
              : advice.title}
            <span className="font-normal">
              {" "}
              · since{" "}
              <time dateTime={connection.statusSince} title={exactTime(connection.statusSince)}>
                {timeAgo(connection.statusSince)}
              </time>
            </span>
          </p>
          {connection.providerOutage ? (
            <ProviderOutageText providerName={connection.providerName} />
          ) : (
            <RepairAdviceText advice={advice} />
          )}
          <p>
            Until then, <strong>{formatList(connection.affectedServices)}</strong>{" "}
            {connection.affectedServices.length > 1 ? "are" : "is"} paused.
          </p>
        </div>
        <RepairAction advice={advice} connectionId={connection.id} providerName={connection.providerName} />
      </div>
      <RepairHelp
        connectionId={connection.id}
        providerId={connection.providerId}
        providerName={connection.providerName}
        failedAttempts={connection.failedAttempts}
        supportEmail={supportEmail}
        accessBlockedBy={
          connection.accessFailure
            ? connection.entities
                .filter((e) => e.finchStatus !== "disconnected")
                .map((e) => e.name ?? "an unnamed company")
            : null
        }
      />
    </div>
  );
}

/** On every dashboard page: each connection that needs someone (an alert), or is still being set up
 *  (a quiet status line); refreshes by itself. */
export function StatusBanner({ supportEmail }: { supportEmail: string }) {
  const { data } = useConnections();
  const attention = needingAttention(data?.connections ?? []);
  const alarms = attention.filter(({ advice }) => advice.tone === "alarm");
  const settingUp = attention.filter(({ advice }) => advice.tone === "status");
  if (attention.length === 0) return null;
  return (
    <>
      {alarms.length > 0 && (
        <div role="alert" className="border-b border-amber-300 bg-amber-50 text-amber-950">
          <div className="mx-auto max-w-6xl space-y-4 px-4 py-4 sm:px-6">
            {alarms.map(({ connection, advice }) => (
              <ConnectionProblem
                key={connection.id}
                connection={connection}
                advice={advice}
                supportEmail={supportEmail}
              />
            ))}
          </div>
        </div>
      )}
      {settingUp.map(({ connection, advice }) => (
        <div
          key={connection.id}
          role="status"
          className="border-b border-slate-200 bg-slate-50 text-slate-700"
        >
          <p className="mx-auto max-w-6xl px-4 py-2 text-sm sm:px-6">
            <span className="font-semibold">{advice.title}.</span> {advice.happened} {advice.todo[0]}
          </p>
        </div>
      ))}
    </>
  );
}
