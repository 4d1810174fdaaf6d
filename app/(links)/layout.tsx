// Pages opened from emailed links carry a signed token in their URL: never indexed, links not followed
// (robots.txt also keeps crawlers away from /reconnect/ and /email/).
import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function EmailedLinkLayout({ children }: { children: ReactNode }) {
  return children;
}
