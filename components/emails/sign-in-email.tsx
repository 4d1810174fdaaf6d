import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailButtonStyle, emailTextStyle } from "./email-layout";

export interface SignInEmailProps {
  url: string;
  host: string;
}

export function SignInEmail({
  url = "http://localhost:3000/api/auth/callback/email?token=preview",
  host = "localhost:3000",
}: Partial<SignInEmailProps>) {
  return (
    <EmailLayout
      appUrl={url}
      preview={`Sign in to ${host}`}
      footer="If you did not ask to sign in, you can ignore this email. The link works once and expires in 24 hours."
    >
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Sign in to Payroll Connections
      </Heading>
      <Text style={emailTextStyle}>Click the button below to sign in as this email address on {host}.</Text>
      <Button href={url} style={emailButtonStyle}>
        Sign in
      </Button>
    </EmailLayout>
  );
}
