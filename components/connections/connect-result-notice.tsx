import { Notice } from "@/components/ui/notice";
import type { ProductCheck } from "@/lib/connections/receipt-line";
import { RepairReceiptList } from "./repair-receipt-list";
import { ForgetConnectResult } from "./forget-connect-result";

const results: Record<string, { tone: "success" | "warning" | "error"; title: string; body: string }> = {
  connected: {
    tone: "success",
    title: "Connected",
    body: "Your payroll provider is connected. Data is syncing.",
  },
  reconnected: {
    tone: "success",
    title: "Reconnected",
    body: "Your payroll connection works again. Paused services have resumed.",
  },
  mismatch: {
    tone: "error",
    title: "You signed in to a different company",
    body: "The account you used in Finch Connect belongs to a different company than this connection. Nothing was changed; reconnect with the account you originally connected.",
  },
  exchange_failed: {
    tone: "error",
    title: "We could not finish connecting",
    body: "Finch did not complete the connection. Your existing connection was left unchanged. Please try again in a moment.",
  },
  connected_elsewhere: {
    tone: "error",
    title: "Already connected elsewhere",
    body: "This payroll account is connected to another organization.",
  },
  cancelled: {
    tone: "warning",
    title: "Connection cancelled",
    body: "You left Finch Connect before finishing. Nothing was changed.",
  },
  connect_error: {
    tone: "error",
    title: "Finch Connect reported a problem",
    body: "Nothing was changed. Please try again.",
  },
  state_used: {
    tone: "error",
    title: "This link was already used",
    body: "Each Finch Connect attempt works once. Start again from the dashboard.",
  },
  state_expired: {
    tone: "error",
    title: "This attempt expired",
    body: "Finch Connect attempts are valid for 15 minutes. Start again from the dashboard.",
  },
  state_unknown: {
    tone: "error",
    title: "We could not verify this request",
    body: "The Connect response did not match a request of yours. Nothing was changed.",
  },
  state_other_user: {
    tone: "error",
    title: "We could not verify this request",
    body: "This Connect attempt was started by someone else. Nothing was changed.",
  },
  invalid_request: {
    tone: "error",
    title: "Incomplete response from Finch Connect",
    body: "Nothing was changed. Please try again.",
  },
};

/** The outcome of a Connect round trip, from the callback's `?connect=` redirect. */
export function ConnectResultNotice({
  result,
  receipt,
}: {
  result?: string;
  receipt?: ProductCheck[] | null;
}) {
  const message = result ? results[result] : undefined;
  if (!message) return null;
  const showReceipt = result === "reconnected" && receipt && receipt.length > 0;
  const failing = showReceipt && receipt.some((check) => !check.ok);
  return (
    <>
      <ForgetConnectResult />
      <Notice tone={message.tone} title={message.title}>
        {showReceipt ? (
          <>
            <RepairReceiptList checks={receipt} />
            <p className="mt-1">
              {failing
                ? "Reconnected, but not everything can be read yet: the card below says what is still missing."
                : message.body}
            </p>
          </>
        ) : (
          message.body
        )}
      </Notice>
    </>
  );
}
