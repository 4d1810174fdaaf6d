"use client";

// One Finch Connect for the whole dashboard (it supports one instance per page) that any button can
// launch: the embedded modal when there is a session, else a full-page redirect. Finch's SDK is
// loaded on the first click, not with the page, so the dashboard's first load stays small.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { ErrorEvent, FinchConnect, SuccessEvent } from "@tryfinch/react-connect";
import { Notice } from "@/components/ui/notice";
import type { ConnectLaunch } from "@/lib/finch-connect/connect-launch";

interface FinchConnectContextValue {
  /** Resolves once Connect is open (or the page is on its way to Finch). */
  launch(launch: ConnectLaunch): Promise<void>;
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
  // Connect keeps the callbacks it was initialized with; the ref keeps them reading current values.
  const stateRef = useRef<string | null>(null);
  const connectRef = useRef<FinchConnect | null>(null);
  useEffect(() => () => connectRef.current?.destroy(), []);

  const launch = useCallback(
    async (next: ConnectLaunch) => {
      setMessage(null);
      stateRef.current = next.state;
      if (!next.sessionId) return window.location.assign(next.url);
      if (!connectRef.current) {
        const { FinchConnect } = await import("@tryfinch/react-connect");
        connectRef.current ??= FinchConnect.initialize({
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
      }
      connectRef.current.open({ sessionId: next.sessionId, state: next.state });
    },
    [connectUrl],
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
