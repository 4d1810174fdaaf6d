import type { ReactNode } from "react";
import { Body, Container, Head, Hr, Html, Img, Preview, Section, Text } from "@react-email/components";

const styles = {
  body: {
    backgroundColor: "#f4f6fb",
    fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
    padding: "24px 0",
  },
  container: {
    backgroundColor: "#ffffff",
    borderRadius: "12px",
    padding: "32px",
    maxWidth: "560px",
    margin: "0 auto",
  },
  icon: { borderRadius: "8px", marginBottom: "8px" },
  brand: {
    color: "#1f57cf",
    fontSize: "14px",
    fontWeight: 600,
    letterSpacing: "0.04em",
    textTransform: "uppercase" as const,
    margin: 0,
  },
  footer: { color: "#6b7280", fontSize: "12px", lineHeight: "18px" },
};

export const emailButtonStyle = {
  backgroundColor: "#1f57cf",
  borderRadius: "8px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "15px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
};

export const emailTextStyle = { color: "#111827", fontSize: "15px", lineHeight: "24px" };

export function EmailLayout({
  preview,
  appUrl,
  children,
  footer,
}: {
  preview: string;
  /** Any absolute URL on the app (the email's main link): the icon is served from its origin. */
  appUrl: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Img
            src={new URL("/icon-192.png", appUrl).toString()}
            width="32"
            height="32"
            alt=""
            style={styles.icon}
          />
          <Text style={styles.brand}>Payroll Connections</Text>
          <Section>{children}</Section>
          <Hr />
          <Text style={styles.footer}>
            {footer ?? "You receive this email because of your account with Payroll Connections."}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
