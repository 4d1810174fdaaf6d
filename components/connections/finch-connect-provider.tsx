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
import { useRouter } from "next/navigation";
import type { ConnectLaunch } from "@/lib/finch/connect/connect-launch";
import { reportFailedAttempt } from "./report-failed-attempt";

export interface LaunchOptions {
  /** The connection whose attempt, if it ends in an error or is closed without success, is reported (the guard). */
  reportFailuresOf?: string;
}

interface FinchConnectContextValue {
  /** Resolves once Connect is open (or the page is on its way to Finch). */
  launch(launch: ConnectLaunch, options?: LaunchOptions): Promise<void>;
}

const FinchConnectContext = createContext<FinchConnectContextValue | null>(null);

export function useFinchConnectLauncher(): FinchConnectContextValue {
  const value = useContext(FinchConnectContext);
  if (!value) throw new Error("useFinchConnectLauncher needs a FinchConnectProvider");
  return value;
}

/** The id @tryfinch/react-connect gives the iframe it creates. */
const CONNECT_IFRAME_ID = "finch-connect-iframe";

function callbackUrl({ code, state }: SuccessEvent, fallbackState: string | null): string {
  const params = new URLSearchParams({ code, state: state ?? fallbackState ?? "" });
  return `/api/finch/callback?${params.toString()}`;
}

export function FinchConnectProvider({ connectUrl, children }: { connectUrl: string; children: ReactNode }) {
  const [message, setMessage] = useState<{ tone: "warning" | "error"; text: string } | null>(null);
  // Connect keeps the callbacks it was initialized with; the ref keeps them reading current values.
  const stateRef = useRef<string | null>(null);
  // Each error counts as a failed attempt; a close counts only when no error was reported before it.
  const reportRef = useRef<{ connectionId: string; errored: boolean } | null>(null);
  const router = useRouter();
  const connectRef = useRef<FinchConnect | null>(null);
  useEffect(() => () => connectRef.current?.destroy(), []);

  const launch = useCallback(
    async (next: ConnectLaunch, options: LaunchOptions = {}) => {
      setMessage(null);
      stateRef.current = next.state;
      reportRef.current = options.reportFailuresOf
        ? { connectionId: options.reportFailuresOf, errored: false }
        : null;
      if (!next.sessionId) return window.location.assign(next.url);
      const report = (outcome: "error" | "closed", text?: string) => {
        const current = reportRef.current;
        if (!current || (outcome === "closed" && current.errored)) return;
        if (outcome === "error") current.errored = true;
        void reportFailedAttempt(current.connectionId, { outcome, message: text })
          .catch(() => undefined)
          .then(() => router.refresh());
      };
      if (!connectRef.current) {
        const { FinchConnect } = await import("@tryfinch/react-connect");
        connectRef.current ??= FinchConnect.initialize({
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
      }
      connectRef.current.open({ sessionId: next.sessionId, state: next.state });
      // The SDK adds its iframe synchronously, without a title; screen readers announce frames by title.
      document
        .getElementById(CONNECT_IFRAME_ID)
        ?.setAttribute("title", "Finch Connect: connect your payroll");
    },
    [connectUrl, router],
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
