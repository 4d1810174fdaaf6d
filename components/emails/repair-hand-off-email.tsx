import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailButtonStyle, emailTextStyle } from "./email-layout";

export interface RepairHandOffEmailProps {
  organizationName: string;
  providerName: string;
  fromEmail: string;
  happened: string;
  /** Not yet a member: the link also invites them to the organization. */
  invited: boolean;
  reconnectUrl: string;
}

export function RepairHandOffEmail({
  organizationName = "Acme Inc.",
  providerName = "Gusto",
  fromEmail = "owner@example.com",
  happened = "Gusto asked for the connection to be authorized again (for example after a password or security-settings change).",
  invited = true,
  reconnectUrl = "http://localhost:3000/reconnect/preview",
}: Partial<RepairHandOffEmailProps>) {
  return (
    <EmailLayout appUrl={reconnectUrl} preview={`${fromEmail} asked you to reconnect ${providerName}`}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Can you reconnect {providerName} for {organizationName}?
      </Heading>
      <Text style={emailTextStyle}>
        {fromEmail} thinks you hold the {providerName} login. {happened}
      </Text>
      <Text style={emailTextStyle}>
        {invited
          ? `The button below signs you in with this email address; join ${organizationName} when asked, then reconnect ${providerName}. It takes about a minute.`
          : `The button below opens the reconnect page; signing in to ${providerName} takes about a minute.`}
      </Text>
      <Button href={reconnectUrl} style={emailButtonStyle}>
        Reconnect {providerName}
      </Button>
      <Text style={emailTextStyle}>Everyone who was told about the problem hears when it works again.</Text>
    </EmailLayout>
  );
}
