import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailButtonStyle, emailTextStyle } from "./email-layout";
import { PausedServices, ReminderFooter, RepairSteps } from "./connection-email-parts";

export interface ConnectionBrokenEmailProps {
  organizationName: string;
  providerName: string;
  /** When it broke, already formatted (UTC) so every resend renders the same bytes. */
  since: string;
  reason: string;
  services: string[];
  reconnectUrl: string;
  linkValidDays: number;
  reminderDays: number[];
  unsubscribeUrl: string;
  /** The advice's steps when reconnecting takes more than signing in (a new API token). */
  steps: string[];
}

export function ConnectionBrokenEmail({
  organizationName = "Acme Inc.",
  providerName = "Gusto",
  since = "Mar 3, 2026, 2:05 PM UTC",
  reason = "Your payroll provider asked for the connection to be authorized again (for example after a password or security-settings change).",
  services = ["employee directory sync", "employment and compensation sync"],
  reconnectUrl = "http://localhost:3000/reconnect/preview",
  linkValidDays = 30,
  reminderDays = [3, 7],
  unsubscribeUrl = "http://localhost:3000/email/unsubscribe?token=preview",
  steps = [],
}: Partial<ConnectionBrokenEmailProps>) {
  const reminders =
    reminderDays.length > 0
      ? ` We will remind you after ${reminderDays.join(" and ")} days if it is still disconnected.`
      : "";
  return (
    <EmailLayout
      appUrl={reconnectUrl}
      preview={`${providerName} needs to be reconnected: payroll sync is paused`}
      footer={<ReminderFooter organizationName={organizationName} unsubscribeUrl={unsubscribeUrl} />}
    >
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Your {providerName} connection needs to be reconnected
      </Heading>
      <Text style={emailTextStyle}>
        Since {since}, we cannot read {organizationName}&apos;s payroll data from {providerName}. {reason}
      </Text>
      <PausedServices providerName={providerName} services={services} />
      <RepairSteps steps={steps} />
      <Button href={reconnectUrl} style={emailButtonStyle}>
        Reconnect {providerName}
      </Button>
      <Text style={emailTextStyle}>
        The button opens Payroll Connections (sign in first if you are asked to), then {providerName}&apos;s
        own sign-in. The link is yours alone and works for {linkValidDays} days.{reminders}
      </Text>
    </EmailLayout>
  );
}
