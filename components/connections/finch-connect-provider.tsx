"use client";

// Mounts Finch's react-connect hook once for the whole dashboard (it supports one instance per page)
// and lets any button launch Connect: the embedded modal when there is a session, else a full-page redirect.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { useFinchConnect, type ErrorEvent, type SuccessEvent } from "@tryfinch/react-connect";
import { Notice } from "@/components/ui/notice";
import { useRouter } from "next/navigation";
import type { ConnectLaunch } from "@/lib/connect/connect-launch";
import { reportFailedAttempt } from "./report-failed-attempt";

export interface LaunchOptions {
  /** Where to report an attempt that ends in an error or is closed without success (the guard). */
  reportFailuresTo?: string;
}

interface FinchConnectContextValue {
  launch(launch: ConnectLaunch, options?: LaunchOptions): void;
}

const FinchConnectContext = createContext<FinchConnectContextValue | null>(null);

export function useFinchConnectLauncher(): FinchConnectContextValue {
  const value = useContext(FinchConnectContext);
  if (!value) throw new Error("useFinchConnectLauncher needs a FinchConnectProvider");
  return value;
}

function callbackUrl({ code, state }: SuccessEvent, fallbackState: string | null): string {
  const params = new URLSearchParams({ code, state: state ?? fallbackState ?? "" });
  return `/api/finch/callback?${params.toString()}`;
}

export function FinchConnectProvider({ connectUrl, children }: { connectUrl: string; children: ReactNode }) {
  const [message, setMessage] = useState<{ tone: "warning" | "error"; text: string } | null>(null);
  // The hook captures its callbacks once; refs keep them reading current values.
  const stateRef = useRef<string | null>(null);
  // Each error counts as a failed attempt; a close counts only when no error was reported before it.
  const reportRef = useRef<{ url: string; errored: boolean } | null>(null);
  const router = useRouter();
  const report = (outcome: "error" | "closed", message?: string) => {
    const current = reportRef.current;
    if (!current || (outcome === "closed" && current.errored)) return;
    if (outcome === "error") current.errored = true;
    void reportFailedAttempt(current.url, { outcome, message })
      .catch(() => undefined)
      .then(() => router.refresh());
  };
  const { open } = useFinchConnect({
    apiConfig: { connectUrl },
    onSuccess: (event) => window.location.assign(callbackUrl(event, stateRef.current)),
    onError: ({ errorMessage }: ErrorEvent) => {
      setMessage({ tone: "error", text: `Finch Connect reported a problem: ${errorMessage}` });
      report("error", errorMessage);
    },
    onClose: () => {
      setMessage({
        tone: "warning",
        text: "Finch Connect was closed before finishing. Nothing was changed.",
      });
      report("closed");
    },
  });

  const launch = useCallback(
    (next: ConnectLaunch, options: LaunchOptions = {}) => {
      setMessage(null);
      stateRef.current = next.state;
      reportRef.current = options.reportFailuresTo ? { url: options.reportFailuresTo, errored: false } : null;
      if (next.sessionId) open({ sessionId: next.sessionId, state: next.state });
      else window.location.assign(next.url);
    },
    [open],
  );
  const value = useMemo(() => ({ launch }), [launch]);

  return (
    <FinchConnectContext.Provider value={value}>
      {message && (
        <div className="mb-4">
          <Notice tone={message.tone}>{message.text}</Notice>
        </div>
      )}
      {children}
    </FinchConnectContext.Provider>
  );
}
