"use client";

import type { ReactNode } from "react";
import { CheckNowButton } from "./check-now-button";
import { ConnectPayrollButton } from "./connect-payroll-button";
import { ConnectionList } from "./connection-list";
import { useConnections } from "./use-connections";

/** The dashboard home's content, fed with data: the organization's connections (the server's answer,
 *  then refreshed by the poll) under their health summary. */
export function ConnectionsHome({
  organizationName,
  healthSummary,
  notice,
}: {
  organizationName: string;
  /** The last 30 days at a glance (rendered on the server: it does not change with the poll). */
  healthSummary: ReactNode;
  /** The outcome of the Connect round trip that led here, if any (rendered on the server). */
  notice: ReactNode;
}) {
  const connections = useConnections().data?.connections ?? [];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Payroll connections</h1>
          <p className="mt-1 text-slate-600">
            {organizationName}&apos;s connections to its payroll providers.
          </p>
        </div>
        {connections.length > 0 && (
          <div className="flex flex-wrap items-start gap-3">
            <CheckNowButton />
            <ConnectPayrollButton variant="secondary" />
          </div>
        )}
      </div>
      {notice}
      {healthSummary}
      <ConnectionList connections={connections} />
    </div>
  );
}
