// Opening Finch Connect for the dashboard's launcher (finch-connect-provider.tsx), loaded on the first
// click with Finch's SDK: the SDK's single instance, its callbacks, and the guard's failure reports.
import type { ErrorEvent, FinchConnect, SuccessEvent } from "@tryfinch/react-connect";
import type { ConnectLaunch } from "@/lib/finch/connect/connect-launch";
import { reportFailedAttempt } from "./report-failed-attempt";

/** The id @tryfinch/react-connect gives the iframe it creates. */
const CONNECT_IFRAME_ID = "finch-connect-iframe";

export interface ConnectMessage {
  tone: "warning" | "error";
  text: string;
}

/** What lives as long as the page: the one SDK instance and the attempt it is on. */
export interface ConnectPage {
  connectUrl: string;
  showMessage(message: ConnectMessage): void;
  /** After a failed attempt was reported, so the page shows the guard's new count. */
  afterReport(): void;
  connect?: FinchConnect;
  /** The attempt's state (Connect's callbacks keep the values they were initialized with). */
  state?: string | null;
  /** Each error counts as a failed attempt; a close counts only when no error was reported before it. */
  report?: { connectionId: string; errored: boolean } | null;
}

function callbackUrl({ code, state }: SuccessEvent, fallbackState: string | null | undefined): string {
  const params = new URLSearchParams({ code, state: state ?? fallbackState ?? "" });
  return `/api/finch/callback?${params.toString()}`;
}

function reportAttempt(page: ConnectPage, outcome: "error" | "closed", text?: string) {
  const current = page.report;
  if (!current || (outcome === "closed" && current.errored)) return;
  if (outcome === "error") current.errored = true;
  void reportFailedAttempt(current.connectionId, { outcome, message: text })
    .catch(() => undefined)
    .then(() => page.afterReport());
}

async function initialize(page: ConnectPage): Promise<FinchConnect> {
  const { FinchConnect } = await import("@tryfinch/react-connect");
  return (page.connect ??= FinchConnect.initialize({
    apiConfig: { connectUrl: page.connectUrl },
    onSuccess: (event) => window.location.assign(callbackUrl(event, page.state)),
    onError: ({ errorMessage }: ErrorEvent) => {
      page.showMessage({ tone: "error", text: `Finch Connect reported a problem: ${errorMessage}` });
      reportAttempt(page, "error", errorMessage);
    },
    onClose: () => {
      page.showMessage({
        tone: "warning",
        text: "Finch Connect was closed before finishing. Nothing was changed.",
      });
      reportAttempt(page, "closed");
    },
  }));
}

/** Opens Connect on the launch's session (resolves once it is open). */
export async function openFinchConnect(
  page: ConnectPage,
  launch: ConnectLaunch & { sessionId: string },
  reportFailuresOf: string | undefined,
): Promise<void> {
  page.state = launch.state;
  page.report = reportFailuresOf ? { connectionId: reportFailuresOf, errored: false } : null;
  const connect = page.connect ?? (await initialize(page));
  connect.open({ sessionId: launch.sessionId, state: launch.state });
  // The SDK adds its iframe synchronously, without a title; screen readers announce frames by title.
  document.getElementById(CONNECT_IFRAME_ID)?.setAttribute("title", "Finch Connect: connect your payroll");
}
