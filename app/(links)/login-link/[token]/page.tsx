import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginLinkContinue } from "@/components/auth/login-link-continue";
import { continueLoginLink } from "@/lib/login-links/continue-login-link-action";
import { findUsableLoginLink } from "@/lib/login-links/find-login-link";
import { LINK_EXPIRED_PATH } from "@/lib/login-links/login-link-token";

export const metadata: Metadata = { title: "Sign in" };

// A login link made by the host's backend. Opening it only shows this page, as every emailed link's
// page does; the link is spent by the "Continue" button, so a scanner or a chat unfurl cannot burn it.
export default async function LoginLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findUsableLoginLink(token);
  if (!link) redirect(LINK_EXPIRED_PATH);
  return (
    <LoginLinkContinue
      token={token}
      email={link.email}
      organizationName={link.organizationName}
      signIn={continueLoginLink}
    />
  );
}
