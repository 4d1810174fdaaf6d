"use client";

// The signed-in customer's header: the logo, the main navigation and who is signed in, behind a menu on phones.
import Link from "next/link";
import type { ReactNode } from "react";
import { HeaderMenu } from "./header-menu";
import { SignOutButton } from "./sign-out-button";

export interface AppHeaderProps {
  /** The logo link, rendered on the server (components/logo.tsx computes its image there). */
  logo: ReactNode;
  organizationName: string;
  email: string;
}

const links = [
  { href: "/", label: "Connections" },
  { href: "/team", label: "Team" },
  { href: "/settings/email", label: "Email settings" },
  { href: "/settings/notifications", label: "Alerts" },
];

export function AppHeader({ logo, organizationName, email }: AppHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-3 px-4 py-3 sm:px-6">
        {logo}
        <HeaderMenu id="main-menu">
          <nav aria-label="Main" className="flex flex-col gap-1 lg:flex-row">
            {links.map((link) => (
              <Link
                key={link.href}
                href={link.href}
                className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
              >
                {link.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center justify-between gap-4">
            <div className="min-w-0 text-sm leading-tight lg:text-right">
              <p className="font-medium text-slate-900">{organizationName}</p>
              <p className="break-all text-slate-500">{email}</p>
            </div>
            <div className="shrink-0">
              <SignOutButton />
            </div>
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}
