"use server";

// The dashboard's "Check status now" (every connection of the organization) and "Sync now" (one
// connection's company data): Finch is asked at once instead of at the scheduled check.
import { z } from "zod";
import { memberAction } from "@/lib/actions/form-action";
import { recordIdSchema } from "@/lib/http/record-id";
import { runSweepNow } from "./run-sweep-now";
import { syncCompanyData } from "@/lib/finch/sync-company-data";

export const checkStatusNowAction = memberAction(z.object({}), async (_input, member) => {
  const result = await runSweepNow({ organizationId: member.organization.id });
  return { kind: "success", pending: result.kind === "pending" };
});

export const syncConnectionAction = memberAction(
  z.object({ connectionId: recordIdSchema("connection") }),
  async ({ connectionId }, member) => {
    await syncCompanyData({ connectionId, organizationId: member.organization.id });
    return { kind: "success" };
  },
);
