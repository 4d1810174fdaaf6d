import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { CenteredPage } from "@/components/ui/centered-page";
import { supportAddress } from "@/lib/email/support-address";

export const metadata: Metadata = { title: "Already in another organization" };
// The support address comes from the runtime configuration, never from the build's.
export const dynamic = "force-dynamic";

/** Where a login link lands when its person already belongs to another organization: nobody is moved. */
export default function OtherOrganizationPage() {
  const support = supportAddress();
  return (
    <CenteredPage>
      <h1 className="text-2xl font-semibold">You already belong to another organization</h1>
      <p className="mt-2 text-slate-600">
        This link was made to sign you in to a different organization, but your email address is already a
        member of another one here, and a person can belong to only one. We did not move you and did not sign
        you in.
      </p>
      <p className="mt-2 text-slate-600">
        If you need to move to the other organization, write to{" "}
        <a href={`mailto:${support}`} className="font-medium text-brand-600 hover:underline">
          {support}
        </a>
        .
      </p>
      <Link href="/login" className={buttonClasses("primary", "mt-6")}>
        Sign in to your organization
      </Link>
    </CenteredPage>
  );
}
