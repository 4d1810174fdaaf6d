import { Spinner } from "@/components/ui/button";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-16 text-slate-600">
      <Spinner className="h-5 w-5" />
      <span>Loading…</span>
    </div>
  );
}
