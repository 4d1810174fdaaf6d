"use client";

// One Finch Connect for the whole dashboard (it supports one instance per page) that any button can
// launch: the embedded modal when there is a session, else a full-page redirect. Opening it, and Finch's
// SDK, are loaded on the first click, not with the page, so the dashboard's first load stays small.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import { useRouter } from "next/navigation";
import type { ConnectLaunch } from "@/lib/finch/connect/connect-launch";
import type { ConnectMessage, ConnectPage } from "./open-finch-connect";

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

export function FinchConnectProvider({ connectUrl, children }: { connectUrl: string; children: ReactNode }) {
  const [message, setMessage] = useState<ConnectMessage | null>(null);
  const router = useRouter();
  const page = useRef<ConnectPage | null>(null);
  useEffect(() => () => page.current?.connect?.destroy(), []);

  const value = useMemo<FinchConnectContextValue>(
    () => ({
      async launch(next, { reportFailuresOf } = {}) {
        setMessage(null);
        const { sessionId } = next;
        if (!sessionId) return window.location.assign(next.url);
        const { openFinchConnect } = await import("./open-finch-connect");
        page.current ??= { connectUrl, showMessage: setMessage, afterReport: () => router.refresh() };
        await openFinchConnect(page.current, { ...next, sessionId }, reportFailuresOf);
      },
    }),
    [connectUrl, router],
  );

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
