// POST /api/reconnect-links/:token – the emailed link's button: a fresh reauthentication Connect session, made only now
import { NextResponse } from "next/server";
import { startReconnect } from "@/lib/finch/connect/start-reconnect";
import { AppError } from "@/lib/errors";
import { jsonRoute, memberForRoute } from "@/lib/auth/route-handler";
import { resolveReconnectLink, type ReconnectLinkState } from "@/lib/notifications/resolve-reconnect-link";

const refusals: Record<Exclude<ReconnectLinkState["kind"], "needs_reconnect">, AppError> = {
  invalid: new AppError("bad_request", "This link is not valid. Reconnect from the dashboard instead."),
  expired: new AppError("bad_request", "This link has expired. Reconnect from the dashboard instead."),
  not_found: new AppError("not_found", "This connection no longer exists."),
  other_organization: new AppError("forbidden", "This link belongs to another organization."),
  invited: new AppError(
    "forbidden",
    "Join the organization first: open the link again to accept the invitation.",
  ),
  other_recipient: new AppError(
    "forbidden",
    "This link was sent to a colleague. Reconnect from the dashboard instead.",
  ),
  healthy: new AppError("conflict", "This connection already works. There is nothing to reconnect."),
  other_problem: new AppError(
    "conflict",
    "Reconnecting does not fix this connection's problem. See the dashboard.",
  ),
};

export const POST = jsonRoute(
  async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
    const member = await memberForRoute();
    const { token } = await params;
    const state = await resolveReconnectLink({ token, userId: member.id });
    if (state.kind !== "needs_reconnect") throw refusals[state.kind];
    const launch = await startReconnect({
      userId: member.id,
      organizationId: state.organizationId,
      connectionId: state.connectionId,
      returnTo: "/",
      via: "email",
    });
    return NextResponse.json(launch);
  },
);
