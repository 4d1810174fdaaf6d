// next-auth configuration: magic links by email, sessions stored in the database.
import "server-only";
import { createElement } from "react";
import type { NextAuthOptions } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { SignInEmail } from "@/components/emails/sign-in-email";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { safeAuthRedirect } from "@/lib/safe-redirect";
import { parseEmailAddress } from "./email-address";
import { prismaAdapter } from "./prisma-adapter";
import { usesSecureCookies } from "./session-cookie";

const MAGIC_LINK_MAX_AGE_SECONDS = 24 * 60 * 60;
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
// next-auth's default: a session's expiry moves forward at most once a day.
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

// Built by hand rather than with next-auth's EmailProvider, which loads nodemailer; we send through Resend.
const magicLink: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  server: "",
  from: "",
  maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  options: {},
  // The route checks the address first (with a clear message); this keeps next-auth from ever mailing another shape.
  normalizeIdentifier(identifier) {
    const parsed = parseEmailAddress(identifier);
    if (parsed.kind === "invalid") throw new Error(parsed.message);
    return parsed.email;
  },
  async sendVerificationRequest({ identifier, url }) {
    const { host } = new URL(url);
    await sendEmail({
      to: identifier,
      subject: `Sign in to Payroll Connections`,
      react: createElement(SignInEmail, { url, host }),
    });
  },
};

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  options ??= {
    adapter: prismaAdapter(db()),
    secret: env().AUTH_SECRET,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    // Secure (and __Secure-/__Host- prefixed) cookies whenever the public URL is https.
    useSecureCookies: usesSecureCookies(),
    providers: [magicLink],
    pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login/error" },
    callbacks: {
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id, email: user.email } };
      },
      // Only same-origin redirects, whatever a callbackUrl says; a malformed one lands on the home page.
      redirect: safeAuthRedirect,
    },
  };
  return options;
}
