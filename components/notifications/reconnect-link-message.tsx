import { SignOutButton } from "@/components/layout/sign-out-button";
import { AcceptInvitationButton } from "@/components/orgs/accept-invitation-button";
import { RepairAdviceText } from "@/components/connections/repair-advice-text";
import { repairAdvice } from "@/lib/connections/repair-advice";
import type { ReconnectLinkState } from "@/lib/notifications/resolve-reconnect-link";
import { LinkMessage } from "./link-message";

type MessageState = Exclude<ReconnectLinkState, { kind: "needs_reconnect" }>;

/** Every way an emailed reconnect link can have nothing to reconnect, in the customer's words. */
export function ReconnectLinkMessage({
  state,
  email,
  linkValidDays,
}: {
  state: MessageState;
  email?: string;
  linkValidDays: number;
}) {
  switch (state.kind) {
    case "invalid":
      return (
        <LinkMessage title="This link is not valid">
          <p>
            It may have been copied incompletely, or it was sent to someone who is no longer in the
            organization.
          </p>
          <p>You can reconnect from the dashboard instead.</p>
        </LinkMessage>
      );
    case "expired":
      return (
        <LinkMessage title="This link has expired">
          <p>
            Reconnect links in our emails work for {linkValidDays} days. You can still reconnect from the
            dashboard.
          </p>
        </LinkMessage>
      );
    case "not_found":
      return (
        <LinkMessage title="This connection no longer exists">
          <p>It was removed after the email was sent. The dashboard shows your current connections.</p>
        </LinkMessage>
      );
    case "other_organization":
      return (
        <LinkMessage title="This link belongs to another organization" extra={<SignOutButton />}>
          <p>
            You are signed in as {email}, which is not a member of the organization this email was sent for.
          </p>
          <p>Sign out, then sign in with the address that received the email.</p>
        </LinkMessage>
      );
    case "other_recipient":
      return (
        <LinkMessage
          title="This link was sent to a colleague"
          action={{ href: `/connections/${state.connectionId}`, label: "See this connection" }}
          extra={<SignOutButton />}
        >
          <p>
            Links in our emails work only for the person they were sent to. You can reconnect from your
            dashboard instead.
          </p>
        </LinkMessage>
      );
    case "invited":
      return (
        <LinkMessage
          title={`Join ${state.organizationName} to reconnect ${state.providerName}`}
          action={{ href: "/onboarding", label: "Not now" }}
          extra={
            <AcceptInvitationButton
              invitationId={state.invitationId}
              organizationName={state.organizationName}
            />
          }
        >
          <p>
            A colleague asked you to reconnect {state.providerName}. Join {state.organizationName} first; the
            dashboard then shows the Reconnect button.
          </p>
        </LinkMessage>
      );
    case "healthy":
      return (
        <LinkMessage title={`${state.providerName} is already connected`}>
          <p>
            There is nothing to do: the connection works again, perhaps because someone in your team already
            reconnected it.
          </p>
        </LinkMessage>
      );
    case "other_problem": {
      const advice = repairAdvice(state);
      return (
        <LinkMessage
          title={`${state.providerName} needs a different fix`}
          action={{ href: "/", label: "Open the dashboard" }}
        >
          <p>This connection has a problem that signing in again does not solve.</p>
          {advice && <RepairAdviceText advice={advice} />}
        </LinkMessage>
      );
    }
  }
}
