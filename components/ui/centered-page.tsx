import type { ReactNode } from "react";
import { Logo } from "@/components/logo";

/** The frame for signed-out and single-purpose pages: logo on top, one card in the middle. */
export function CenteredPage({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8" />
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        {children}
      </div>
    </main>
  );
}
