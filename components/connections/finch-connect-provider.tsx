"use client";

// Mounts Finch's react-connect hook once for the whole dashboard (it supports one instance per page)
// and lets any button launch Connect: the embedded modal when there is a session, else a full-page redirect.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { useFinchConnect, type ErrorEvent, type SuccessEvent } from "@tryfinch/react-connect";
import { Notice } from "@/components/ui/notice";
import type { ConnectLaunch } from "@/lib/finch-connect/connect-launch";

interface FinchConnectContextValue {
  launch(launch: ConnectLaunch): void;
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
  const { open } = useFinchConnect({
    apiConfig: { connectUrl },
    onSuccess: (event) => window.location.assign(callbackUrl(event, stateRef.current)),
    onError: ({ errorMessage }: ErrorEvent) =>
      setMessage({ tone: "error", text: `Finch Connect reported a problem: ${errorMessage}` }),
    onClose: () =>
      setMessage({
        tone: "warning",
        text: "Finch Connect was closed before finishing. Nothing was changed.",
      }),
  });

  const launch = useCallback(
    (next: ConnectLaunch) => {
      setMessage(null);
      stateRef.current = next.state;
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
