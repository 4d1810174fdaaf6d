import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailButtonStyle, emailTextStyle } from "./email-layout";

export interface InvitationEmailProps {
  organizationName: string;
  invitedBy: string;
  url: string;
}

export function InvitationEmail({
  organizationName = "Acme Inc.",
  invitedBy = "owner@example.com",
  url = "http://localhost:3000/login",
}: Partial<InvitationEmailProps>) {
  return (
    <EmailLayout appUrl={url} preview={`Join ${organizationName} on Payroll Connections`}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        You are invited to {organizationName}
      </Heading>
      <Text style={emailTextStyle}>
        {invitedBy} invited you to help keep {organizationName}&apos;s payroll connections healthy. Sign in
        with this email address to join.
      </Text>
      <Button href={url} style={emailButtonStyle}>
        Accept invitation
      </Button>
    </EmailLayout>
  );
}
