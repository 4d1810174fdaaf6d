"use client";

import Link from "next/link";
import type { ReactNode } from "react";
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
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-6">
          {logo}
          <nav aria-label="Main" className="flex gap-1">
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
        </div>
        <div className="flex items-center gap-4">
          <div className="text-right text-sm leading-tight">
            <p className="font-medium text-slate-900">{organizationName}</p>
            <p className="text-slate-500">{email}</p>
          </div>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
