// "Connect payroll": a Finch Connect session for a new connection of the member's organization.
import "server-only";
import type { CurrentMember } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { finchAppClient } from "@/lib/finch/finch-client";
import { toFinchAppError } from "@/lib/finch/to-finch-app-error";
import { createConnectAttempt } from "./connect-attempts";
import type { ConnectLaunch } from "./connect-launch";
import { classicConnectUrl, connectCallbackUrl, withState } from "./connect-urls";

/** The host's own id for the organization when it has one (Finch echoes it back), else ours. */
async function customerIdOf(organizationId: string): Promise<string> {
  const organization = await db().organization.findUnique({
    where: { id: organizationId },
    select: { externalId: true },
  });
  return organization?.externalId ?? organizationId;
}

export async function startConnect({ member }: { member: CurrentMember }): Promise<ConnectLaunch> {
  const { FINCH_CONNECT_FLOW, FINCH_PRODUCTS, FINCH_SANDBOX } = env();
  const state = await createConnectAttempt({
    userId: member.id,
    organizationId: member.organization.id,
    purpose: "connect",
  });
  if (FINCH_CONNECT_FLOW === "classic") {
    return { sessionId: null, state, url: classicConnectUrl({ state, products: FINCH_PRODUCTS }) };
  }
  try {
    const session = await finchAppClient().connect.sessions.new({
      customer_id: await customerIdOf(member.organization.id),
      customer_name: member.organization.name,
      customer_email: member.email,
      products: FINCH_PRODUCTS,
      redirect_uri: connectCallbackUrl(),
      ...(FINCH_SANDBOX ? { sandbox: FINCH_SANDBOX } : {}),
    });
    return { sessionId: session.session_id, state, url: withState(session.connect_url, state) };
  } catch (error) {
    throw toFinchAppError(error, "We could not open Finch Connect. Please try again.");
  }
}
