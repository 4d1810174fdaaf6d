// Finch's connection states folded into the few our customers need to act on.
import type { FinchStatusWord } from "@/lib/finch/spec/connection-statuses";
import type { ConnectionStatus } from "@/lib/generated/prisma/enums";

export type FinchConnectionStatus = FinchStatusWord;

export function toConnectionStatus(finchStatus: string): ConnectionStatus {
  switch (finchStatus) {
    case "connected":
      return "healthy";
    case "reauth":
      return "needs_reauth";
    case "pending":
    case "processing":
      return "pending";
    case "disconnected":
      return "disconnected";
    default:
      return "error";
  }
}

export const REAUTH_REASON =
  "Your payroll provider asked for the connection to be authorized again (for example after a password or security-settings change).";

export function defaultReason(finchStatus: string): string | null {
  switch (finchStatus) {
    case "reauth":
      return REAUTH_REASON;
    case "error_permissions":
      return "The account used for the connection lacks the permissions Finch needs.";
    case "error_no_account_setup":
      return "Finch has not yet been added as an administrator in the payroll system.";
    case "disconnected":
      return "The connection was disconnected.";
    default:
      return null;
  }
}
