"use client";

// The operator console's header: the logo, the console's navigation and who is signed in, behind a menu on
// phones. A client component fed with data, as the customer's header is: the page carries the operator's
// address, not the header's element tree.
import Link from "next/link";
import type { ReactNode } from "react";
import { HeaderMenu } from "@/components/layout/header-menu";
import { SignOutButton } from "@/components/layout/sign-out-button";

const links = [
  { href: "/operator", label: "Fleet health" },
  { href: "/operator/funnel", label: "Repair funnel" },
  { href: "/operator/machinery", label: "Machinery" },
  { href: "/operator/api-keys", label: "API keys" },
];

export function OperatorHeader({
  logo,
  email,
}: {
  /** The logo link, rendered on the server (components/logo.tsx computes its image there). */
  logo: ReactNode;
  email: string;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-3 gap-y-3 px-4 py-3 sm:px-6">
        <span className="flex items-center gap-2">
          {logo}
          <span className="rounded bg-amber-400 px-2 py-0.5 text-xs font-semibold text-slate-900">
            Operator
          </span>
        </span>
        <HeaderMenu id="operator-menu">
          <nav aria-label="Operator" className="flex flex-col gap-1 lg:flex-row">
            {links.map((link) => (
              <Link
                key={link.href}
                href={link.href}
                prefetch={false}
                className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
              >
                {link.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center justify-between gap-4 text-sm">
            <span className="min-w-0 break-all text-slate-600">{email}</span>
            <div className="shrink-0">
              <SignOutButton />
            </div>
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}
