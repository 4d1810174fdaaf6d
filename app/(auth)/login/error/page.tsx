import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { CenteredPage } from "@/components/ui/centered-page";

export const metadata: Metadata = { title: "Sign-in problem" };

const messages: Record<string, { title: string; body: string }> = {
  Verification: {
    title: "This sign-in link is no longer valid",
    body: "Sign-in links work once and expire after 24 hours. The link may also have been cut short by your email program. Request a new one below.",
  },
  EmailSignin: {
    title: "We could not send the sign-in email",
    body: "The email service did not accept the message. Please try again in a moment.",
  },
  EmailInvalid: {
    title: "That is not an email address we can use",
    body: "Enter one email address, like you@company.com, without a name, spaces or other characters around it.",
  },
  AccessDenied: { title: "Access denied", body: "This account cannot sign in." },
};

const fallback = {
  title: "We could not sign you in",
  body: "Something went wrong while signing in. Please request a new link.",
};

export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const message = (error && messages[error]) || fallback;
  return (
    <CenteredPage>
      <h1 className="text-2xl font-semibold">{message.title}</h1>
      <p className="mt-2 text-slate-600">{message.body}</p>
      <Link href="/login" className={buttonClasses("primary", "mt-6")}>
        Request a new sign-in link
      </Link>
    </CenteredPage>
  );
}
