import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { CenteredPage } from "@/components/ui/centered-page";

export interface LinkMessageProps {
  title: string;
  children: ReactNode;
  action?: { href: string; label: string };
  extra?: ReactNode;
}

/** The page an emailed link shows when there is nothing to do there: what happened and where to go. */
export function LinkMessage({
  title,
  children,
  action = { href: "/", label: "Open the dashboard" },
  extra,
}: LinkMessageProps) {
  return (
    <CenteredPage>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="mt-2 space-y-2 text-slate-600">{children}</div>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href={action.href} className={buttonClasses("primary")}>
          {action.label}
        </Link>
        {extra}
      </div>
    </CenteredPage>
  );
}
