// The operator console's frame around each of its pages: the header and the page's main region. Each page
// wraps itself in it rather than sharing a layout file, so a console page is one router segment less to
// render and carry (the customer's home page does the same; figures in bench/README.md).
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";
import { OperatorHeader } from "./operator-header";

export function OperatorShell({ email, children }: { email: string; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <OperatorHeader logo={<Logo />} email={email} />
      <main className="mx-auto max-w-7xl space-y-8 px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
