import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailButtonStyle, emailTextStyle } from "./email-layout";
import { PausedServices, ReminderFooter, RepairSteps } from "./connection-email-parts";

export interface ReconnectReminderEmailProps {
  organizationName: string;
  providerName: string;
  since: string;
  daysBroken: number;
  reason: string;
  services: string[];
  reconnectUrl: string;
  snoozeUrl: string;
  unsubscribeUrl: string;
  /** The advice's steps when reconnecting takes more than signing in (a new API token). */
  steps: string[];
}

export function ReconnectReminderEmail({
  organizationName = "Acme Inc.",
  providerName = "Gusto",
  since = "Mar 3, 2026, 2:05 PM UTC",
  daysBroken = 3,
  reason = "Your payroll provider asked for the connection to be authorized again (for example after a password or security-settings change).",
  services = ["employee directory sync", "employment and compensation sync"],
  reconnectUrl = "http://localhost:3000/reconnect/preview",
  snoozeUrl = "http://localhost:3000/email/snooze?token=preview",
  unsubscribeUrl = "http://localhost:3000/email/unsubscribe?token=preview",
  steps = [],
}: Partial<ReconnectReminderEmailProps>) {
  return (
    <EmailLayout
      appUrl={reconnectUrl}
      preview={`${providerName} is still disconnected after ${daysBroken} days`}
      footer={
        <ReminderFooter
          organizationName={organizationName}
          unsubscribeUrl={unsubscribeUrl}
          snoozeUrl={snoozeUrl}
        />
      }
    >
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {providerName} still needs to be reconnected
      </Heading>
      <Text style={emailTextStyle}>
        {organizationName}&apos;s {providerName} connection has been waiting for you for {daysBroken}{" "}
        {daysBroken === 1 ? "day" : "days"} (since {since}). {reason}
      </Text>
      <PausedServices providerName={providerName} services={services} />
      <RepairSteps steps={steps} />
      <Button href={reconnectUrl} style={emailButtonStyle}>
        Reconnect {providerName}
      </Button>
    </EmailLayout>
  );
}
