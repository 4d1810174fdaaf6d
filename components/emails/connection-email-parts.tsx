import { Link, Text } from "@react-email/components";
import { formatList } from "@/lib/format-list";
import { emailTextStyle } from "./email-layout";

const footerLink = { color: "#6b7280", textDecoration: "underline" };

/** What to do, from the advice table (lib/connections/repair-advice.ts), when it takes more than a click. */
export function RepairSteps({ steps }: { steps: string[] }) {
  if (steps.length < 2) return null;
  return (
    <Text style={emailTextStyle}>
      <strong>What to do:</strong>
      {steps.map((step, index) => (
        <span key={step}>
          <br />
          {index + 1}. {step}
        </span>
      ))}
    </Text>
  );
}

/** What stops while the connection is broken, and why reconnecting is worth a minute. */
export function PausedServices({ providerName, services }: { providerName: string; services: string[] }) {
  return (
    <>
      <Text style={emailTextStyle}>
        <strong>Paused until you reconnect:</strong> {formatList(services)}.
      </Text>
      <Text style={emailTextStyle}>
        Reconnecting takes about a minute: you sign in to {providerName} once more. Your existing data,
        employees and settings stay as they are, and everything paused resumes right away.
      </Text>
    </>
  );
}

export interface ReminderFooterProps {
  organizationName: string;
  unsubscribeUrl: string;
  snoozeUrl?: string;
}

export function ReminderFooter({ organizationName, unsubscribeUrl, snoozeUrl }: ReminderFooterProps) {
  return (
    <>
      You receive this email as a member of {organizationName} on Payroll Connections.{" "}
      {snoozeUrl && (
        <>
          <Link href={snoozeUrl} style={footerLink}>
            Snooze reminders for this connection problem
          </Link>
          {" · "}
        </>
      )}
      <Link href={unsubscribeUrl} style={footerLink}>
        Unsubscribe from reminders
      </Link>
    </>
  );
}
