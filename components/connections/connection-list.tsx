"use client";

import { Card } from "@/components/ui/card";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { isReplaced } from "@/lib/connections/needing-attention";
import { ConnectPayrollButton } from "./connect-payroll-button";
import { ConnectionCard } from "./connection-card";

/** The organization's connections as cards, or how to add the first one. */
export function ConnectionList({ connections }: { connections: ConnectionSummary[] }) {
  if (connections.length === 0) {
    return (
      <Card className="text-center">
        <p className="text-lg font-semibold">No payroll connections yet</p>
        <p className="mx-auto mt-1 mb-5 max-w-md text-sm text-slate-600">
          Connect your payroll provider through Finch to sync your employee directory. It takes about a
          minute.
        </p>
        <ConnectPayrollButton />
      </Card>
    );
  }
  return (
    <div className="space-y-4">
      {connections.map((connection) => (
        <ConnectionCard
          key={connection.id}
          connection={connection}
          replaced={isReplaced(connection, connections)}
        />
      ))}
    </div>
  );
}
