import type { Metadata } from "next";
import Link from "next/link";
import { CenteredPage } from "@/components/ui/centered-page";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string }>;
}) {
  const { email } = await searchParams;
  return (
    <CenteredPage>
      <h1 className="text-2xl font-semibold">Check your email</h1>
      <p className="mt-2 text-slate-600">
        We sent a sign-in link to{" "}
        {email ? <strong className="text-slate-900">{email}</strong> : "your email address"}. It works once
        and expires in 24 hours.
      </p>
      <Link href="/login" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
        Use a different email address
      </Link>
    </CenteredPage>
  );
}
