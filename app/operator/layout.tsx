import type { ReactNode } from "react";
import { OperatorHeader } from "@/components/operator/operator-header";
import { requireOperator } from "@/lib/auth/require-operator";

// Per-request: who is asking decides whether this exists at all.
export const dynamic = "force-dynamic";

export default async function OperatorLayout({ children }: { children: ReactNode }) {
  const operator = await requireOperator();
  return (
    <div className="min-h-screen bg-slate-50">
      <OperatorHeader email={operator.email} />
      <main className="mx-auto max-w-7xl space-y-8 px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
