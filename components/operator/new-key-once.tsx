"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The new key, shown this once, with a copy button. */
export function NewKeyOnce({ name, apiKey }: { name: string; apiKey: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div
      role="status"
      className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
    >
      <p className="font-semibold">
        Key &ldquo;{name}&rdquo; created. Copy it now: you will not see it again.
      </p>
      <p className="mt-1">We keep only a hash of it. If it is lost, revoke it and create another.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code
          aria-label="New API key"
          className="min-w-0 break-all rounded bg-white px-2 py-1 font-mono text-slate-900 select-all"
        >
          {apiKey}
        </code>
        <Button type="button" variant="secondary" onClick={copy}>
          Copy key
        </Button>
        {copied && (
          <span className="text-sm">
            {copied === "yes" ? "Copied." : "Could not copy: select the key and copy it."}
          </span>
        )}
      </div>
    </div>
  );
}
