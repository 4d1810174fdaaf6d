import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { CenteredPage } from "@/components/ui/centered-page";
import { Notice } from "@/components/ui/notice";
import { getCurrentUser } from "@/lib/auth/session";
import { safeLocalPath } from "@/lib/safe-redirect";

interface LoginPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: LoginPageProps): Promise<Metadata> {
  // On the way back to an emailed link the return address carries that link's token: not for indexes.
  const { callbackUrl } = await searchParams;
  return { title: "Sign in", ...(callbackUrl ? { robots: { index: false, follow: false } } : {}) };
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const callbackUrl = safeLocalPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const email = typeof params.email === "string" ? params.email : undefined;
  return (
    <CenteredPage>
      {params.notice === "link-expired" && (
        <div className="mb-6">
          <Notice tone="warning" title="That sign-in link is no longer valid">
            A link that signs you in from another app works once, within 5 minutes. Open it again from that
            app to get a fresh one, or get a sign-in link by email below.
          </Notice>
        </div>
      )}
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 mb-6 text-slate-600">We will email you a link to sign in. No password needed.</p>
      <LoginForm callbackUrl={callbackUrl} defaultEmail={email} />
    </CenteredPage>
  );
}
