import Image from "next/image";
import Link from "next/link";

// No prefetch: "/" redirects by who is asking (to sign-in or onboarding), and a prefetched redirect
// cached before signing in or naming the organization would send the user back in a loop afterwards.
export function Logo({ className = "" }: { className?: string }) {
  return (
    <Link
      href="/"
      prefetch={false}
      className={`inline-flex items-center gap-2 font-semibold text-slate-900 ${className}`}
    >
      <Image src="/icon.svg" alt="" width={32} height={32} unoptimized className="h-8 w-8" />
      <span>Payroll Connections</span>
    </Link>
  );
}
