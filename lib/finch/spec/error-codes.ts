// The `finch_code` values Finch sends with a 401 or 403 that the app acts on and the stand-in answers
// (https://developer.tryfinch.com/api-reference/development-guides/errors/Error-Types).
export const FINCH_ERROR_CODES = {
  /** The employer must go through Connect again. */
  reauthenticateUser: "reauthenticate_user",
  accountSetupRequired: "account_setup_required",
  insufficientAccountPermissions: "insufficient_account_permissions",
} as const;
