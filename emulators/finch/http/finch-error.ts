// Finch's error body: `code` equals the HTTP status, `name` is the broad category, `finch_code` the
// detail. `statusCode` and `status` are copied from Finch's documented 429 bodies.
import { FINCH_ERROR_CODES } from "../../../lib/finch/spec/error-codes";

export interface FinchErrorBody {
  code: number;
  name: string;
  finch_code?: string;
  message: string;
  statusCode: number;
  status: number;
}

export class FinchError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    message: string,
    readonly finchCode?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): FinchErrorBody {
    return finchErrorBody(this.status, this.errorName, this.message, this.finchCode);
  }
}

export function finchErrorBody(
  status: number,
  name: string,
  message: string,
  finchCode?: string,
): FinchErrorBody {
  return {
    code: status,
    name,
    ...(finchCode ? { finch_code: finchCode } : {}),
    message,
    statusCode: status,
    status,
  };
}

export const errors = {
  badRequest: (message: string) => new FinchError(400, "bad_request", message, "invalid_request"),
  invalidGrant: (message: string) => new FinchError(400, "invalid_grant_error", message),
  missingToken: () =>
    new FinchError(
      401,
      "unauthorized_request_error",
      "Missing Authorization header with a Bearer access token",
    ),
  missingClientCredentials: () =>
    new FinchError(
      401,
      "unauthorized_request_error",
      "Missing Authorization header with Basic client credentials",
    ),
  invalidToken: () => new FinchError(401, "invalid_token_error", "The access token is invalid"),
  invalidClient: () => new FinchError(401, "invalid_client_error", "Invalid client_id or client_secret"),
  reauthenticate: () =>
    new FinchError(
      401,
      "authentication_error",
      "Please reauthenticate user",
      FINCH_ERROR_CODES.reauthenticateUser,
    ),
  accountSetupRequired: () =>
    new FinchError(
      401,
      "authentication_error",
      "The account setup is not complete yet",
      FINCH_ERROR_CODES.accountSetupRequired,
    ),
  insufficientPermissions: () =>
    new FinchError(
      403,
      "error_permissions",
      "Finch does not have sufficient permissions on this account",
      FINCH_ERROR_CODES.insufficientAccountPermissions,
    ),
  insufficientScope: (product: string) =>
    new FinchError(
      403,
      "insufficient_scope_error",
      `This connection was not granted the '${product}' product`,
    ),
  notFound: (message: string, finchCode = "item_not_found") =>
    new FinchError(404, "not_found_error", message, finchCode),
  routeNotFound: () => new FinchError(404, "not_found_error", "Not found"),
  methodNotAllowed: () => new FinchError(405, "method_not_allowed_error", "Method not allowed"),
  payloadTooLarge: () => new FinchError(413, "payload_too_large_error", "Request body is too large"),
  unprocessable: (message: string) =>
    new FinchError(422, "unprocessable_request_error", message, "unsupported_parameters"),
  serverError: () => new FinchError(500, "server_error", "Internal server error"),
};
