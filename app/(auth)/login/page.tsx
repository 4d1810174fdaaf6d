import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { CenteredPage } from "@/components/ui/centered-page";
import { getCurrentUser } from "@/lib/auth/session";
import { safeLocalPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeLocalPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const email = typeof params.email === "string" ? params.email : undefined;
  return (
    <CenteredPage>
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 mb-6 text-slate-600">We will email you a link to sign in. No password needed.</p>
      <LoginForm callbackUrl={callbackUrl} defaultEmail={email} />
    </CenteredPage>
  );
}
