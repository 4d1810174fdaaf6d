// Finch's connection status words (ConnectionStatusType in @tryfinch/finch-api 10.7.0), as /introspect
// and account.updated webhooks report them. One list for the app and the Finch stand-in.
export const FINCH_CONNECTION_STATUSES = [
  "pending",
  "processing",
  "connected",
  "error_no_account_setup",
  "error_permissions",
  "reauth",
] as const;

/** The words plus `disconnected`, which account.updated webhooks send once a connection is disconnected. */
export const FINCH_STATUS_WORDS = [...FINCH_CONNECTION_STATUSES, "disconnected"] as const;

export type FinchStatusWord = (typeof FINCH_STATUS_WORDS)[number];
