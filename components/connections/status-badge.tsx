import type { ConnectionStatus } from "@/lib/generated/prisma/enums";

const badges: Record<ConnectionStatus, { label: string; className: string }> = {
  healthy: { label: "Connected", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  needs_reauth: { label: "Needs reconnect", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  pending: { label: "Setting up", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  error: { label: "Error", className: "bg-red-50 text-red-800 ring-red-200" },
  disconnected: { label: "Disconnected", className: "bg-slate-100 text-slate-600 ring-slate-200" },
};

export function StatusBadge({ status }: { status: ConnectionStatus }) {
  const badge = badges[status];
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${badge.className}`}
    >
      {badge.label}
    </span>
  );
}
