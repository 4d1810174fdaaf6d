"use server";

// The buttons that open Finch Connect: "Connect payroll", "Reconnect <provider>" on the dashboard, and
// the emailed link's button, where the reauthentication session is made only when it is pressed.
import { z } from "zod";
import { memberAction } from "@/lib/actions/form-action";
import { AppError } from "@/lib/errors";
import { recordIdSchema } from "@/lib/http/record-id";
import { resolveReconnectLink, type ReconnectLinkState } from "@/lib/notifications/resolve-reconnect-link";
import type { ConnectLaunch } from "./connect-launch";
import { startConnect } from "./start-connect";
import { startReconnect } from "./start-reconnect";

export type ConnectLaunchState = { launch: ConnectLaunch };

export const connectPayrollAction = memberAction(z.object({}), async (_input, member) => ({
  kind: "success",
  launch: await startConnect({ member }),
}));

export const reconnectAction = memberAction(
  z.object({ connectionId: recordIdSchema("connection") }),
  async ({ connectionId }, member) => ({
    kind: "success",
    launch: await startReconnect({ userId: member.id, organizationId: member.organization.id, connectionId }),
  }),
);

const refusals: Record<Exclude<ReconnectLinkState["kind"], "needs_reconnect">, string> = {
  invalid: "This link is not valid. Reconnect from the dashboard instead.",
  expired: "This link has expired. Reconnect from the dashboard instead.",
  not_found: "This connection no longer exists.",
  other_organization: "This link belongs to another organization.",
  invited: "Join the organization first: open the link again to accept the invitation.",
  other_recipient: "This link was sent to a colleague. Reconnect from the dashboard instead.",
  healthy: "This connection already works. There is nothing to reconnect.",
  other_problem: "Reconnecting does not fix this connection's problem. See the dashboard.",
};

export const reconnectFromLinkAction = memberAction(
  z.object({ token: z.string().min(1).max(1024) }),
  async ({ token }, member) => {
    const state = await resolveReconnectLink({ token, userId: member.id });
    if (state.kind !== "needs_reconnect") throw new AppError("bad_request", refusals[state.kind]);
    const launch = await startReconnect({
      userId: member.id,
      organizationId: state.organizationId,
      connectionId: state.connectionId,
      returnTo: "/",
      via: "email",
    });
    return { kind: "success", launch };
  },
);
