import type { Metadata } from "next";
import { ReconnectLinkMessage } from "@/components/notifications/reconnect-link-message";
import { ReconnectLinkPanel } from "@/components/notifications/reconnect-link-panel";
import { requireUser } from "@/lib/auth/session";
import { countFailedAttempts } from "@/lib/connections/failed-attempts";
import { entityAccessFailure } from "@/lib/connections/entity-access-failure";
import { db } from "@/lib/db";
import { supportAddress } from "@/lib/email/support-address";
import { env } from "@/lib/env";
import { recordLinkOpened } from "@/lib/notifications/record-link-opened";
import { verifyReconnectLink } from "@/lib/notifications/reconnect-link";
import { resolveReconnectLink } from "@/lib/notifications/resolve-reconnect-link";

export const metadata: Metadata = { title: "Reconnect payroll" };

// Opening the link only shows this page; nothing starts until the customer presses the button, so a
// mail scanner fetching the link changes nothing.
export default async function ReconnectLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const linkValidDays = env().RECONNECT_LINK_TTL_DAYS;
  // A broken or expired link says so without asking anyone to sign in first.
  const link = verifyReconnectLink(token);
  if (link.kind === "invalid")
    return <ReconnectLinkMessage state={{ kind: link.reason }} linkValidDays={linkValidDays} />;
  const user = await requireUser(`/reconnect/${token}`);
  const state = await resolveReconnectLink({ token, userId: user.id });
  if (state.kind !== "needs_reconnect")
    return <ReconnectLinkMessage state={state} email={user.email} linkValidDays={linkValidDays} />;
  await recordLinkOpened({
    connectionId: state.connectionId,
    organizationId: state.organizationId,
    userId: user.id,
    email: user.email,
    since: state.since,
  });
  const { connectionId, providerId, providerName, finchStatus, authenticationType, since, reason, services } =
    state;
  const failed = await countFailedAttempts([
    { id: connectionId, status: "needs_reauth", statusSince: since },
  ]);
  const multiEntity = (await db().connectionEntity.count({ where: { connectionId } })) > 0;
  return (
    <ReconnectLinkPanel
      token={token}
      connectUrl={env().FINCH_CONNECT_URL}
      email={user.email}
      failedAttempts={failed.get(connectionId) ?? 0}
      supportEmail={supportAddress()}
      scopedTitle={multiEntity ? reason : null}
      accessBlockedBy={multiEntity ? await entityAccessFailure(connectionId, since) : null}
      {...{
        connectionId,
        providerId,
        providerName,
        finchStatus,
        authenticationType,
        since,
        reason,
        services,
      }}
    />
  );
}
