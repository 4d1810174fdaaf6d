import { getImageProps } from "next/image";
import Link from "next/link";

// The icon's <img> props are computed here on the server (getImageProps), so pages do not ship next/image's
// client component for one unoptimized SVG; <picture> is the element Next expects around such an <img>.
const icon = getImageProps({ src: "/icon.svg", alt: "", width: 32, height: 32, unoptimized: true }).props;

// No prefetch: "/" redirects by who is asking (to sign-in or onboarding), and a prefetched redirect
// cached before signing in or naming the organization would send the user back in a loop afterwards.
export function Logo({ className = "" }: { className?: string }) {
  return (
    <Link
      href="/"
      prefetch={false}
      className={`inline-flex items-center gap-2 font-semibold text-slate-900 ${className}`}
    >
      <picture>
        <img {...icon} alt="" className="h-8 w-8" />
      </picture>
      <span>Payroll Connections</span>
    </Link>
  );
}
